"""A package whose modules hold the syntax a summary can trip on; the differential test reads it
with fitcheck's tree-sitter parser and with CPython's ast, and they must agree."""
from typing import TYPE_CHECKING

__all__ = ["Engine", "helper" "_suffix", 'quoted']
__all__ += ("Extra",)

_import_structure = {
    "engine": ["Engine"],  # a comment inside the dict
    "util": [],
}
_import_structure["util"].append("helper_suffix")

if TYPE_CHECKING:
    from .engine import Engine
    from .util import helper_suffix
else:
    import sys

    sys.modules[__name__] = object()
