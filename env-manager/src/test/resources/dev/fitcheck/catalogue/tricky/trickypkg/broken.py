import os

def fine():
    pass

def broken(:
    pass

class AfterTheError:
    pass
