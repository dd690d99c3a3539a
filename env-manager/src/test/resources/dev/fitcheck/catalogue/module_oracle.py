"""Reference summaries of every module in a wheel, from CPython's own parser (ast).

Applies the rules fitcheck's tree-sitter ModuleParser documents, so that the two can be compared
module by module: module-level bindings in every branch (if/elif/else, try, for, while, with,
match), TYPE_CHECKING bodies marked type-only, __all__, star imports, _import_structure (and
huggingface_hub's _SUBMOD_ATTRS, and lazy_loader's submod_attrs= dict) and
define_import_structure, classes (bases as written, members) and parameter lists, with the
keywords a deprecate_kwarg(OLD, VERSION, new_name=NEW) decorator renames to a parameter, as
["OLD", "ALIAS", "NEW"] entries after the parameters.

Usage: python3 module_oracle.py WHEEL > summaries.json
Output: {"module.name": {...}, ...} plus "__errors__" for files CPython cannot parse.
"""
import ast
import json
import sys
import zipfile

STRUCTURE_NAMES = {"_import_structure", "_SUBMOD_ATTRS"}
PROPERTY_DECORATORS = {"property", "cached_property", "functools.cached_property",
                       "abc.abstractproperty", "abstractproperty"}


def module_name(path):
    p = path[:-3]
    if p.endswith("/__init__"):
        p = p[: -len("/__init__")]
    parts = p.split("/")
    if parts[0].endswith(".data") and len(parts) > 2 and parts[1] in ("purelib", "platlib"):
        parts = parts[2:]
    if not all(s.isidentifier() for s in parts):
        return None
    return ".".join(parts)


class Source:
    def __init__(self, data):
        self.data = data
        self.starts = [0]
        for i, b in enumerate(data):
            if b == 10:
                self.starts.append(i + 1)

    def text(self, node):
        a = self.starts[node.lineno - 1] + node.col_offset
        b = self.starts[node.end_lineno - 1] + node.end_col_offset
        return self.data[a:b].decode("utf-8", "replace")


def is_type_checking(test):
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def plain_string(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def signature(args):
    out = []
    positional = args.posonlyargs + args.args
    first_default = len(positional) - len(args.defaults)
    for i, a in enumerate(positional):
        kind = "POSITIONAL_ONLY" if i < len(args.posonlyargs) else "POSITIONAL_OR_KEYWORD"
        out.append([a.arg, kind, i >= first_default])
    if args.vararg:
        out.append([args.vararg.arg, "VAR_POSITIONAL", False])
    for a, d in zip(args.kwonlyargs, args.kw_defaults):
        out.append([a.arg, "KEYWORD_ONLY", d is not None])
    if args.kwarg:
        out.append([args.kwarg.arg, "VAR_KEYWORD", False])
    return out


def accepts(sig, kw):
    for name, kind, extra in sig:
        if kind == "VAR_KEYWORD":
            return True
        if name == kw and kind in ("POSITIONAL_OR_KEYWORD", "KEYWORD_ONLY", "ALIAS"):
            return True
    return False


def keyword_rename(d):
    """deprecate_kwarg(old_name, version, new_name=None, warn_if_greater_or_equal_version=False,
    raise_if_greater_or_equal_version=False, ...) as (OLD, NEW), or None."""
    if not isinstance(d, ast.Call):
        return None
    f = d.func
    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
    if name != "deprecate_kwarg":
        return None
    if any(isinstance(a, ast.Starred) for a in d.args) or any(k.arg is None for k in d.keywords):
        return None
    old = d.args[0] if len(d.args) > 0 else None
    new = d.args[2] if len(d.args) > 2 else None
    raise_from = d.args[4] if len(d.args) > 4 else None
    for k in d.keywords:
        if k.arg == "old_name":
            old = k.value
        elif k.arg == "new_name":
            new = k.value
        elif k.arg == "raise_if_greater_or_equal_version":
            raise_from = k.value
    if raise_from is not None and not (isinstance(raise_from, ast.Constant) and raise_from.value is False):
        return None
    old = plain_string(old) if old is not None else None
    new = plain_string(new) if new is not None else None
    if old is None or new is None or not old.isidentifier() or not new.isidentifier() or old == new:
        return None
    return old, new


def decorated_signature(st):
    """The def's parameters, then the keywords its deprecate_kwarg decorators rename, outermost first.
    Each decorator is read against the def as the decorators below it leave it."""
    own = signature(st.args)
    aliases = []
    for d in reversed(st.decorator_list):
        r = keyword_rename(d)
        if r is None or accepts(own, r[0]) or not accepts(own + aliases, r[1]):
            continue
        aliases = [[r[0], "ALIAS", r[1]]] + [a for a in aliases if a[0] != r[0]]
    return own + aliases


class Summary:
    def __init__(self, src):
        self.src = src
        self.names = []
        self.classes = []
        self.stars = []
        self.all = None
        self.all_complete = True
        self.structure = {}
        self.defines = False

    def bind(self, name, kind, type_only, line, source=None, sig=None):
        self.names.append({"name": name, "kind": kind, "typeOnly": type_only, "line": line,
                           "source": source, "signature": sig})

    def targets(self, t, type_only):
        if isinstance(t, ast.Name):
            self.bind(t.id, "VARIABLE", type_only, t.lineno)
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                self.targets(e, type_only)
        elif isinstance(t, ast.Starred):
            self.targets(t.value, type_only)

    def add_all(self, value):
        if self.all is None:
            self.all = []
        if isinstance(value, (ast.List, ast.Tuple)):
            for e in value.elts:
                s = plain_string(e)
                if s is None:
                    self.all_complete = False
                elif s not in self.all:
                    self.all.append(s)
        elif isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
            self.add_all(value.left)
            self.add_all(value.right)
        else:
            self.all_complete = False

    def add_structure(self, key, value):
        if not isinstance(value, (ast.List, ast.Tuple)):
            return
        names = self.structure.setdefault(key, [])
        for e in value.elts:
            s = plain_string(e)
            if s is not None and s not in names:
                names.append(s)

    def merge_structure(self, d):
        for k, v in zip(d.keys, d.values):
            key = plain_string(k) if k is not None else None
            if key is not None:
                self.add_structure(key, v)

    def structure_key(self, node):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in STRUCTURE_NAMES:
            return plain_string(node.slice)
        return None

    def lazy_attach(self, value):
        """attach(__name__, submod_attrs={...}): lazy_loader's structure written in the call."""
        if not isinstance(value, ast.Call):
            return
        for kw in value.keywords:
            if kw.arg == "submod_attrs" and isinstance(kw.value, ast.Dict):
                self.merge_structure(kw.value)

    def calls_define(self, node):
        for n in ast.walk(node):
            if isinstance(n, ast.Call):
                f = n.func
                if (isinstance(f, ast.Name) and f.id == "define_import_structure") or (
                        isinstance(f, ast.Attribute) and f.attr == "define_import_structure"):
                    return True
        return False

    def statements(self, body, type_only):
        for st in body:
            self.statement(st, type_only)

    def statement(self, st, type_only):
        if isinstance(st, ast.Import):
            for a in st.names:
                if a.asname:
                    self.bind(a.asname, "IMPORT", type_only, a.lineno, [0, a.name, None])
                else:
                    first = a.name.split(".")[0]
                    self.bind(first, "IMPORT", type_only, a.lineno, [0, first, None])
        elif isinstance(st, ast.ImportFrom):
            module = st.module or ""
            for a in st.names:
                if a.name == "*":
                    self.stars.append([st.level, module, type_only])
                else:
                    self.bind(a.asname or a.name, "IMPORT", type_only, a.lineno, [st.level, module, a.name])
        elif isinstance(st, ast.ClassDef):
            self.bind(st.name, "CLASS", type_only, st.lineno)
            members = []
            self.class_body(st.body, members)
            bases = [self.src.text(b) for b in st.bases]
            self.classes.append({"name": st.name, "typeOnly": type_only, "bases": bases, "members": members})
        elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.bind(st.name, "FUNCTION", type_only, st.lineno, sig=decorated_signature(st))
        elif isinstance(st, ast.Assign):
            for t in st.targets:
                self.targets(t, type_only)
                if isinstance(t, ast.Name) and t.id == "__all__":
                    self.add_all(st.value)
                elif isinstance(t, ast.Name) and t.id in STRUCTURE_NAMES and isinstance(st.value, ast.Dict):
                    self.merge_structure(st.value)
                else:
                    key = self.structure_key(t)
                    if key is not None:
                        self.add_structure(key, st.value)
            self.lazy_attach(st.value)
            if not self.defines:
                self.defines = self.calls_define(st.value)
        elif isinstance(st, ast.AnnAssign):
            if st.value is not None:
                self.targets(st.target, type_only)
                if isinstance(st.target, ast.Name) and st.target.id == "__all__":
                    self.add_all(st.value)
                self.lazy_attach(st.value)
                if not self.defines:
                    self.defines = self.calls_define(st.value)
        elif isinstance(st, ast.AugAssign):
            if isinstance(st.target, ast.Name):
                self.bind(st.target.id, "VARIABLE", type_only, st.lineno)
                if st.target.id == "__all__" and isinstance(st.op, ast.Add):
                    self.add_all(st.value)
            if not self.defines:
                self.defines = self.calls_define(st.value)
        elif hasattr(ast, "TypeAlias") and isinstance(st, ast.TypeAlias):
            self.bind(st.name.id, "VARIABLE", type_only, st.lineno)
        elif isinstance(st, ast.Expr):
            if isinstance(st.value, ast.Call):
                self.call(st.value)
                self.lazy_attach(st.value)
            if not self.defines:
                self.defines = self.calls_define(st.value)
        elif isinstance(st, ast.If):
            self.statements(st.body, type_only or is_type_checking(st.test))
            self.statements(st.orelse, type_only)
        elif isinstance(st, ast.Try) or (hasattr(ast, "TryStar") and isinstance(st, ast.TryStar)):
            self.statements(st.body, type_only)
            for h in st.handlers:
                self.statements(h.body, type_only)
            self.statements(st.orelse, type_only)
            self.statements(st.finalbody, type_only)
        elif isinstance(st, (ast.For, ast.AsyncFor)):
            self.targets(st.target, type_only)
            self.statements(st.body, type_only)
            self.statements(st.orelse, type_only)
        elif isinstance(st, ast.While):
            self.statements(st.body, type_only)
            self.statements(st.orelse, type_only)
        elif isinstance(st, (ast.With, ast.AsyncWith)):
            for item in st.items:
                if item.optional_vars is not None:
                    self.targets(item.optional_vars, type_only)
            self.statements(st.body, type_only)
        elif hasattr(ast, "Match") and isinstance(st, ast.Match):
            for case in st.cases:
                self.statements(case.body, type_only)

    def call(self, c):
        f = c.func
        if not isinstance(f, ast.Attribute) or len(c.args) + len(c.keywords) != 1 or not c.args:
            return
        arg = c.args[0]
        if isinstance(f.value, ast.Name) and f.value.id == "__all__":
            if f.attr == "append":
                s = plain_string(arg)
                if s is None:
                    self.all_complete = False
                else:
                    if self.all is None:
                        self.all = []
                    if s not in self.all:
                        self.all.append(s)
            elif f.attr == "extend":
                self.add_all(arg)
        elif isinstance(f.value, ast.Name) and f.value.id in STRUCTURE_NAMES:
            if f.attr == "update" and isinstance(arg, ast.Dict):
                self.merge_structure(arg)
        else:
            key = self.structure_key(f.value)
            if key is None:
                return
            if f.attr == "append":
                s = plain_string(arg)
                if s is not None:
                    names = self.structure.setdefault(key, [])
                    if s not in names:
                        names.append(s)
            elif f.attr == "extend":
                self.add_structure(key, arg)

    def class_body(self, body, members):
        for st in body:
            if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                kind = "METHOD"
                for d in st.decorator_list:
                    t = self.src.text(d)
                    if t in PROPERTY_DECORATORS or t.endswith((".setter", ".getter", ".deleter")):
                        kind = "PROPERTY"
                members.append([st.name, kind, decorated_signature(st)])
            elif isinstance(st, ast.ClassDef):
                members.append([st.name, "CLASS", None])
            elif isinstance(st, ast.Assign):
                for t in st.targets:
                    self.member_targets(t, members)
            elif isinstance(st, ast.AnnAssign):
                self.member_targets(st.target, members)
            elif isinstance(st, ast.AugAssign):
                if isinstance(st.target, ast.Name):
                    members.append([st.target.id, "ATTRIBUTE", None])
            elif isinstance(st, ast.If):
                self.class_body(st.body, members)
                self.class_body(st.orelse, members)
            elif isinstance(st, ast.Try) or (hasattr(ast, "TryStar") and isinstance(st, ast.TryStar)):
                self.class_body(st.body, members)
                for h in st.handlers:
                    self.class_body(h.body, members)
                self.class_body(st.orelse, members)
                self.class_body(st.finalbody, members)
            elif isinstance(st, (ast.For, ast.AsyncFor)):
                self.member_targets(st.target, members)
                self.class_body(st.body, members)
                self.class_body(st.orelse, members)
            elif isinstance(st, ast.While):
                self.class_body(st.body, members)
                self.class_body(st.orelse, members)
            elif isinstance(st, (ast.With, ast.AsyncWith)):
                self.class_body(st.body, members)

    def member_targets(self, t, members):
        if isinstance(t, ast.Name):
            members.append([t.id, "ATTRIBUTE", None])
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                self.member_targets(e, members)
        elif isinstance(t, ast.Starred):
            self.member_targets(t.value, members)

    def to_json(self):
        return {"names": self.names, "classes": self.classes, "stars": self.stars, "all": self.all,
                "allComplete": self.all_complete, "structure": self.structure,
                "definesImportStructure": self.defines}


def main(wheel):
    out = {}
    errors = {}
    with zipfile.ZipFile(wheel) as z:
        for info in z.infolist():
            path = info.filename
            if not path.endswith(".py") or ".dist-info/" in path:
                continue
            module = module_name(path)
            if module is None:
                continue
            data = z.read(info)
            try:
                tree = ast.parse(data, filename=path)
            except SyntaxError as e:
                errors[module] = "%s:%s: %s" % (path, e.lineno, e.msg)
                continue
            s = Summary(Source(data))
            s.statements(tree.body, False)
            out[module] = s.to_json()
    out["__errors__"] = errors
    json.dump(out, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
