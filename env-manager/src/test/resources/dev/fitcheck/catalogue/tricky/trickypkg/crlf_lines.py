import os

class Windows:
    def method(self):
        return 1

    SPACED = 1
AFTER = os.sep
