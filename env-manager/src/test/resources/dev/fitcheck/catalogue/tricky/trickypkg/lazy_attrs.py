"""huggingface_hub's lazy top level (a vendored lazy_loader) and lazy_loader's own attach, with the
edits a structure can get later."""
import importlib
from typing import TYPE_CHECKING

_SUBMOD_ATTRS = {
    "engine": [
        "Engine",  # a comment inside the list
    ],
    "util": ["helper" "_suffix"],
}
_SUBMOD_ATTRS["tabs"] = ["tabbed"]
_SUBMOD_ATTRS["util"].append("quoted")
_SUBMOD_ATTRS.update({"crlf_lines": ["crlf"]})


def _attach(package_name, submodules=None, submod_attrs=None):
    def __getattr__(name):
        return importlib.import_module(package_name + "." + name)

    return __getattr__, dir


__getattr__, __dir__ = _attach(__name__, submodules=[], submod_attrs=_SUBMOD_ATTRS)
lazy_getattr, lazy_dir = _attach(__name__, submodules=["engine"], submod_attrs={"latin1_declared": ["latin"]})
_attach(__name__, submod_attrs={"broken": ["never"], 'util': ["again"]})

if TYPE_CHECKING:
    from .engine import Engine
    from .util import helper_suffix
