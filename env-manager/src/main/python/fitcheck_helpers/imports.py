"""Imports a model's modules one by one inside its environment and reports each outcome.

Run by fitcheck's imports stage as ``python imports.py --path ROOT... --modules-file FILE``.
Every protocol line goes to the real stdout and starts with ``@@fitcheck@@ `` followed by one
JSON object, so that whatever the imported modules print cannot be mistaken for a result:

  {"event": "start", "module": "model.lmm.dattn.mistral"}
  {"event": "result", "module": ..., "ok": false, "type": "ImportError", "message": ...,
   "missing": "torch" (ModuleNotFoundError only), "frame": "model/x.py:12" (innermost frame
   inside the model's roots), "seconds": 0.8}
  {"event": "done"}

A "start" without its "result" means the interpreter died importing that module (a segfault in
an extension, os._exit); fitcheck then reports it and restarts this helper with the rest.
"""

import argparse
import io
import json
import os
import sys
import time
import traceback

PREFIX = "@@fitcheck@@ "


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", action="append", default=[], help="a source root put on sys.path")
    parser.add_argument("--modules-file", required=True, help="module names, one a line, in order")
    args = parser.parse_args(argv)

    # This helper's own directory must not shadow a model module called "imports".
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    roots = [os.path.abspath(p) for p in args.path]
    for root in reversed(roots):
        sys.path.insert(0, root)

    with io.open(args.modules_file, encoding="utf-8") as f:
        modules = [line.strip() for line in f if line.strip()]

    ours = {m.split(".", 1)[0] for m in modules}
    protocol = sys.stdout
    # What the modules print goes to stderr, which fitcheck keeps in the run's log.
    sys.stdout = sys.stderr
    sys.argv = ["fitcheck-imports"]
    for name in modules:
        emit(protocol, {"event": "start", "module": name})
        emit(protocol, import_one(name, roots, ours))
    emit(protocol, {"event": "done"})
    return 0


def import_one(name, roots, ours):
    started = time.monotonic()
    result = {"event": "result", "module": name}
    before = set(sys.modules)
    try:
        __import__(name)
        result["ok"] = True
    except KeyboardInterrupt:
        raise
    except BaseException as e:  # SystemExit from a module that calls sys.exit() at import is a failure too
        forget_partial_imports(before, ours)
        result["ok"] = False
        result["type"] = type(e).__name__
        result["message"] = str(e)
        missing = getattr(e, "name", None)
        if isinstance(e, ModuleNotFoundError) and missing:
            result["missing"] = missing
        frame = innermost_frame_in(e, roots)
        if frame:
            result["frame"] = frame
        result["traceback"] = traceback.format_exception_only(type(e), e)[-1].strip()
    result["seconds"] = round(time.monotonic() - started, 3)
    return result


def forget_partial_imports(before, ours):
    """Drops the model's modules that a failed import left behind.

    Python removes the module that raised, but not the packages above it that did import; a
    namespace package among them then looks up a parent that is gone, and every later import
    below it fails with KeyError instead of its own error. Each module starts clean instead.
    """
    for mod in set(sys.modules) - before:
        if mod.split(".", 1)[0] in ours:
            del sys.modules[mod]


def innermost_frame_in(error, roots):
    """The deepest traceback frame in the model's own files, as path:line relative to its root."""
    found = None
    for frame in traceback.extract_tb(error.__traceback__):
        path = os.path.abspath(frame.filename)
        for root in roots:
            if path.startswith(root + os.sep):
                found = os.path.relpath(path, root).replace(os.sep, "/") + ":" + str(frame.lineno)
    return found


def emit(stream, obj):
    stream.write(PREFIX + json.dumps(obj) + "\n")
    stream.flush()


if __name__ == "__main__":
    sys.exit(main())
