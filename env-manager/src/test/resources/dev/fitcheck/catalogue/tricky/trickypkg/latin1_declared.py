# -*- coding: latin-1 -*-
NAME = "café"
class Declared:
    pass
