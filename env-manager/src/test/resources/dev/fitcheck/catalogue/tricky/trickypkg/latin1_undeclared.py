# no coding declaration
NAME = "café"
class Latin:
    pass
