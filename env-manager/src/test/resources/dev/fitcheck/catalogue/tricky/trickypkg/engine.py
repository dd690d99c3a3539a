import os, sys as system  # two imports on one line
from collections import (
    OrderedDict as OD,  # trailing comment
    defaultdict,
)
from . import util
from .util import *

x = 1; y = 2  # two statements on one line
a, (b, *rest) = 1, (2, 3, 4)
first = second = third = {
    "nested": [1, 2, {"deep": (3, 4)}],
}
annotated_only: int
annotated: "dict[str, int]" = {}
counter = 0
counter += 1
lam = lambda q=1, *r, **s: q
text = """
def not_a_def():
    pass
class NotAClass:
    pass
"""
fmt = f"{x!r:>{y}} {'nested'} {f'{x}'}"
raw = rb'\'' + r"\d+" + u"x"


def outer(a, b: "int" = 2, /, c=lambda z, w: z, *args: int, d, e: int = (1, 2), **kwargs) -> "Engine":
    def inner():
        class Hidden:
            pass
        return Hidden
    global LEAKED
    LEAKED = 1
    return inner


async def fetch(url, *, timeout=10):
    await something()


@decorator(with_args=lambda k: k, other=[1, 2])
@another
class Engine(util.Base, OD, metaclass=type):
    """Doc
    over lines."""
    speed: int = 1
    name: str
    left = right = 0
    one, two = 1, 2

    class Config:
        pass

    def __init__(self, *args, **kwargs):
        super().__init__()
        self.hidden = 1

    @property
    def power(self): return self.speed * 2

    @power.setter
    def power(self, value):
        self.speed = value // 2

    @staticmethod
    def make(
        a,
        b=(
            1,
            2,
        ),
    ):
        ...

    if system.platform == "win32":
        def windows_only(self):
            pass
    else:
        def posix_only(self):
            pass

    try:
        import numpy as np
        accel = True
    except ImportError:
        accel = False

    for _i in range(3):
        pass


class OneLiner: pass


class Child(Engine): speed = 3


if os.environ.get("X"):
    CONDITIONAL = 1
elif TYPE_CHECKING := False:
    pass
else:
    OTHERWISE = 2

try:
    import torch
except (ImportError, RuntimeError) as err:
    torch = None
finally:
    CLEANED = True

for loop_var in range(2):
    IN_LOOP = loop_var
else:
    AFTER_LOOP = True

while False:
    NEVER = 1

with open(__file__) as handle, open(__file__) as (h1):
    WITH_BODY = 1

match sys.argv:
    case [_, "go"]:
        MATCHED = 1
    case _:
        UNMATCHED = 1

def trailing_no_newline(): return 1
