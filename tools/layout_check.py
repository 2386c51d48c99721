#!/usr/bin/env python
"""Check the package layout against DESIGN.md "Layout after the restructure"; exit 1 on any finding.

Prints the import graph (the package modules each module imports, with the floors: the notebook numbers), then
reports: import circles; imports of a private (`_name`) of another module; lower floors importing higher ones;
function-level imports of package modules (what dodges a circle); imports of other packages inside a function
(every import belongs in the notebook's one import cell), except an optional extra's behind the package's
missing-extra message (`require(module, extra, purpose)` called for it earlier in that function, or, for a private
module-level helper, earlier in every function that calls it: the public call asks once); modules over
`--max-lines` lines; error and warning classes defined outside `core` (DESIGN.md: core holds every one); raises
of built-in exceptions (every raise of ours is from core's family); `warnings.warn` calls whose category is not one
of core's warning classes (none given is a plain `UserWarning`, which a user cannot filter apart from others');
a `;` joining statements in any module but those of `JOINED` (one statement a line).
A finding listed in `KNOWN` (owned, being fixed) is printed, not failed.

Usage: python tools/layout_check.py [--root REPO] [--max-lines 600] [--quiet]
"""
from __future__ import annotations

import argparse
import ast
import builtins
import io
import json
import re
import sys
import tokenize
import tomllib
from pathlib import Path

PKG = "alphaearth_nb"
SKIP = {"_modidx", "_param_docs"}   # generated (nbdev's index, tools/param_docs.py's sections), not code
FAMILY_HOMES = {"core"}   # where error and warning classes are defined (session 35's `errors` merged back, session 36)
# Raises of built-in exceptions that are right where they are (module, exception): why.
OUR_BUILTIN_RAISES = {("export", "RuntimeError"): "the fake Earth Engine raises what ee raises",
                      ("testing", "OSError"): "an injected disk-full fault is an OSError",
                      ("testing", "KeyboardInterrupt"): "a stand-in data source simulates a power cut"}
PROTOCOL = {"__getattr__": "AttributeError", "__next__": "StopIteration"}   # what Python asks these to raise
# Findings known and owned, printed as KNOWN without failing; an entry that no longer matches fails (remove it).
KNOWN: dict = {}  # owned findings being fixed: "kind: path" -> who fixes it
# Optional modules that another brings with it (a hard dependency of it): `require` of the one answers for both.
BRINGS = {"geopandas": ("shapely", "pyproj"), "rioxarray": ("rasterio", "affine"), "rasterio": ("affine",),
          "odc.geo": ("affine", "shapely")}

# Modules that may still join statements with `;`: none since session 43 (losses, nn and summary unjoined last).
# Every module of the package, a new one too, holds one statement a line, and a `;` joining two statements is a
# finding. Helpers once joined lines to fit a module under --max-lines, which hides its real size (and makes each diff
# line two changes). Never add one: split a module by job where it nears the cap. (Was, to session 42: UNJOINED, the
# 59 modules judged; 49 without a `;` were not.)
JOINED = frozenset()


def joined(src:str) -> list[int]:
    "Lines of `src` holding a `;` that joins statements (or ends one): a token, so none in a string or a comment."
    return [t.start[0] for t in tokenize.generate_tokens(io.StringIO(src).readline)
            if t.type == tokenize.OP and t.string == ";"]


def floors(root:Path) -> dict[str, str]:
    "module -> notebook number ('07a'), read from each notebook's `#| default_exp`."
    out = {}
    for nb in sorted((root / "nbs").glob("*.ipynb")):
        m = re.match(r"(\d+[a-z]?)_", nb.name)
        if not m: continue
        for cell in json.loads(nb.read_text())["cells"]:
            hit = re.search(r"#\|\s*default_exp\s+(\S+)", "".join(cell["source"]))
            if hit: out[hit.group(1)] = m.group(1); break
    return out


def floor_key(f:str) -> tuple[int, str]:
    m = re.match(r"(\d+)([a-z]?)", f)
    return int(m.group(1)), m.group(2)


def imports(path:Path, modules:set[str]) -> list[tuple[str, str, int, bool]]:
    "(imported module, name or '', line, at top level) for each package import in `path`."
    tree = ast.parse(path.read_text())
    top = {id(n) for n in tree.body}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level == 1: base = mod
            elif node.level == 0 and (mod == PKG or mod.startswith(PKG + ".")): base = mod[len(PKG) + 1:]
            else: continue
            for a in node.names:
                if not base:   # from . import x: x is a module, or a name of the package itself
                    out.append((a.name if a.name in modules else "__init__", "" if a.name in modules else a.name,
                                node.lineno, id(node) in top))
                else: out.append((base.split(".")[0], a.name, node.lineno, id(node) in top))
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith(PKG + "."):
                    out.append((a.name.split(".")[1], "", node.lineno, id(node) in top))
    return out


def required(fn:ast.AST) -> list[tuple[str, int]]:
    """(module, line) of each `require(...)` call in `fn`: its literal first argument, or each literal of a `for`
    loop over names it is called with (`for mod in ("ipyleaflet", "ipywidgets"): require(mod, ...)`), and the
    modules those bring (`BRINGS`)."""
    loops = {n.target.id: (n.lineno, [e.value for e in n.iter.elts if isinstance(e, ast.Constant)])
             for n in ast.walk(fn) if isinstance(n, ast.For) and isinstance(n.target, ast.Name)
             and isinstance(n.iter, (ast.Tuple, ast.List))}
    out = []
    for n in ast.walk(fn):
        if not (isinstance(n, ast.Call) and n.args and "require" in (getattr(n.func, "id", None),
                                                                     getattr(n.func, "attr", None))): continue
        a = n.args[0]
        if isinstance(a, ast.Constant) and isinstance(a.value, str): out.append((a.value, n.lineno))
        elif isinstance(a, ast.Name) and a.id in loops: out += [(m, loops[a.id][0]) for m in loops[a.id][1]]
    return out + [(b, line) for m, line in out for b in BRINGS.get(m, ())]


FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def covered(m:str, fns:list, line:int) -> bool:
    "Whether a function of `fns` (the enclosing ones) calls `require` for module `m` (or a part of it) before `line`."
    return any(at < line and (m == r or m.startswith(r + ".")) for fn in fns for r, at in required(fn))


def uses(tree:ast.AST) -> dict[str, list[tuple[int, bool, list]]]:
    "name -> (line, called, enclosing functions outermost first) of each read of the name in `tree`."
    out, called = {}, set()
    def visit(node, fns):
        for c in ast.iter_child_nodes(node):
            if isinstance(c, ast.Call) and isinstance(c.func, ast.Name): called.add(id(c.func))
            if isinstance(c, ast.Name) and isinstance(c.ctx, ast.Load):
                out.setdefault(c.id, []).append((c.lineno, id(c) in called, fns))
            visit(c, fns + [c] if isinstance(c, FUNCTIONS) else fns)
    visit(tree, [])
    return out


def callers_require(name:str, m:str, helpers:set[str], used:dict, seen:frozenset=frozenset()) -> bool:
    """Whether the private module-level helper `name` is reached only through calls that `require` module `m` first:
    each use of it is a call inside a function that calls `require` for `m` before it, or inside another private
    helper for which this holds. A helper never called, passed on uncalled, called at module level or recursively is
    not: the rule cannot see who calls it then."""
    if name not in helpers or name in seen or not used.get(name): return False
    return all(called and fns and (covered(m, fns, line) or
                                   callers_require(fns[0].name, m, helpers, used, seen | {name}))
               for line, called, fns in used[name])


def function_imports(tree:ast.AST) -> list[tuple[str, int, bool]]:
    """(module, line, guarded) of each import of another package (not ours) inside a function; guarded: an enclosing
    function calls `require` for it (or for a module of which it is a part, or one that brings it) before it, or the
    import sits in a private module-level helper (`_name`) whose every caller does (`callers_require`)."""
    helpers = {n.name for n in getattr(tree, "body", []) if isinstance(n, FUNCTIONS) and n.name.startswith("_")}
    used, out = uses(tree), []
    def visit(node, fns):
        for c in ast.iter_child_nodes(node):
            inner = fns + [c] if isinstance(c, FUNCTIONS) else fns
            if fns and isinstance(c, (ast.Import, ast.ImportFrom)) and not getattr(c, "level", 0):
                for m in ([a.name for a in c.names] if isinstance(c, ast.Import) else [c.module]):
                    if m == PKG or m.startswith(PKG + "."): continue   # the package's own: `imports`
                    ok = covered(m, fns, c.lineno) or callers_require(fns[0].name, m, helpers, used)
                    out.append((m, c.lineno, ok))
            visit(c, inner)
    visit(tree, [])
    return out


def core_modules(root:Path) -> set[str]:
    "Top-level module names of the package's required dependencies (pyproject's `dependencies`): no extra to name."
    try: deps = tomllib.loads((root / "pyproject.toml").read_text())["project"]["dependencies"]
    except (OSError, KeyError, tomllib.TOMLDecodeError): return set()
    return {re.match(r"[A-Za-z0-9_.-]+", d).group(0).lower().replace("-", "_") for d in deps}


def circles(graph:dict[str, set[str]]) -> list[list[str]]:
    "Every strongly connected group of more than one module (Tarjan), plus self-imports."
    index, low, stack, on, out, n = {}, {}, [], set(), [], [0]
    def visit(v):
        index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
        for w in graph.get(v, ()):
            if w not in index: visit(w); low[v] = min(low[v], low[w])
            elif w in on: low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1 or v in graph.get(v, ()): out.append(sorted(comp))
    for v in sorted(graph):
        if v not in index: visit(v)
    return out


def is_error_class(node:ast.ClassDef) -> bool:
    names = [node.name] + [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases]
    return any(re.search(r"(Error|Exception|Warning)$", s or "") for s in names)


def builtin_raises(tree:ast.AST) -> list[tuple[str, int]]:
    "(exception name, line) of each `raise` of a built-in exception, except what `PROTOCOL` methods must raise."
    out = []
    def visit(node, fn=""):
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else fn
            if isinstance(child, ast.Raise) and child.exc is not None:
                e = child.exc.func if isinstance(child.exc, ast.Call) else child.exc
                b = getattr(builtins, e.id, None) if isinstance(e, ast.Name) else None
                if isinstance(b, type) and issubclass(b, BaseException) and PROTOCOL.get(fn) != e.id:
                    out.append((e.id, child.lineno))
            visit(child, name)
    visit(tree)
    return out


def family_warnings(core:ast.AST, base:str="AEFWarning") -> set[str]:
    "Names of the warning classes `core` defines under `base` (it included), the categories a `warnings.warn` may give."
    bases = {n.name: [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in n.bases]
             for n in ast.walk(core) if isinstance(n, ast.ClassDef)}
    ours = {base} if base in bases else set()
    while more := {c for c, bs in bases.items() if c not in ours and ours & set(bs)}: ours |= more
    return ours


def bare_warns(tree:ast.AST, ours:set[str]) -> list[tuple[int, str]]:
    "(line, category as written or '') of each `warnings.warn` (or `warn` imported from `warnings`) whose category " \
    "is not a name in `ours` (`core.X` counts as `X`)."
    warn = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module == "warnings"
            for a in n.names if a.name == "warn"}
    out = []
    for n in ast.walk(tree):
        if not isinstance(n, ast.Call): continue
        f = n.func
        if not ((isinstance(f, ast.Attribute) and f.attr == "warn" and isinstance(f.value, ast.Name)
                 and f.value.id == "warnings") or (isinstance(f, ast.Name) and f.id in warn)): continue
        cat = n.args[1] if len(n.args) > 1 else next((k.value for k in n.keywords if k.arg == "category"), None)
        name = cat.id if isinstance(cat, ast.Name) else cat.attr if isinstance(cat, ast.Attribute) else None
        if name not in ours: out.append((n.lineno, "" if cat is None else ast.unparse(cat)))
    return out


def check(root:Path, max_lines:int=600, quiet:bool=False, joined_ok:frozenset=JOINED) -> list[str]:
    pkg = root / PKG
    fl = floors(root)
    files = {p.stem: p for p in sorted(pkg.glob("*.py")) if p.stem not in SKIP and not p.stem.startswith("_param_docs")}
    mods = set(files)
    plain = core_modules(root) | set(sys.stdlib_module_names)   # no extra to require: the import cell, always
    graph, problems = {}, []
    ours = family_warnings(ast.parse(files["core"].read_text())) if "core" in files else set()
    kinds = ", ".join(f"core.{w}" for w in sorted(ours - {"AEFWarning"})) or "core.AEFWarning"
    def report(msg):
        if msg not in problems: problems.append(msg)
    for m, p in files.items():
        found = imports(p, mods)
        graph[m] = {t for t, *_ in found if t != m}
        for t, name, line, at_top in found:
            where = f"{PKG}/{p.name}:{line}"
            if name.startswith("_") and not (name.startswith("__") and name.endswith("__")):
                report(f"private import: {where} imports {name} from {t}")
            if not at_top:
                report(f"function-level import: {where} imports {t}{'.' + name if name else ''}")
            if m == "__init__" or t == "__init__": continue
            if m in fl and t in fl and floor_key(fl[m]) < floor_key(fl[t]):
                report(f"floor: {where}: {m} ({fl[m]}) imports {t} ({fl[t]}), a higher floor")
        for mod, line, guarded in function_imports(ast.parse(p.read_text())):
            if guarded: continue
            extra = "" if mod.split(".")[0] in plain else (
                " (an optional extra: call require(module, extra, purpose) for it first in that function (a private "
                "helper: in every function calling it), or import it in the import cell under try/except ImportError, "
                "as cubes imports shapely)")
            report(f"import in a function: {PKG}/{p.name}:{line} imports {mod}: move it to the import cell{extra}")
        n = len(p.read_text().splitlines())
        if n > max_lines: problems.append(f"size: {PKG}/{p.name} has {n} lines (> {max_lines}): split it by job")
        if m not in joined_ok:
            for line in joined(p.read_text()):
                problems.append(f"joined statements: {PKG}/{p.name}:{line} joins statements with ';': one statement a "
                                f"line (every module but JOINED's); where that nears {max_lines} lines, split it by job")
        for exc, line in builtin_raises(ast.parse(p.read_text())):
            if (m, exc) not in OUR_BUILTIN_RAISES:
                problems.append(f"raise outside the family: {PKG}/{p.name}:{line} raises {exc}: raise a core error")
        for line, cat in bare_warns(ast.parse(p.read_text()), ours):
            problems.append(f"warning outside the family: {PKG}/{p.name}:{line} warnings.warn gives "
                            f"{'no category (a plain UserWarning)' if not cat else 'category ' + cat}: pass "
                            f"category= the core warning class of its kind ({kinds}), or define one in core "
                            "(a subclass of AEFWarning) where none fits, so a user can filter ours")
        if m not in FAMILY_HOMES:
            for node in ast.walk(ast.parse(p.read_text())):
                if isinstance(node, ast.ClassDef) and is_error_class(node):
                    problems.append(f"error class outside core: {PKG}/{p.name}:{node.lineno} class {node.name}")
    for c in circles(graph): problems.append(f"circle: {' -> '.join(c + [c[0]])}")
    if not quiet:
        print("import graph (module [floor] -> package modules it imports):")
        for m in sorted(graph, key=lambda m: (floor_key(fl.get(m, "99")), m)):
            deps = sorted(graph[m], key=lambda t: (floor_key(fl.get(t, "99")), t))
            print(f"  {fl.get(m, '--'):>3} {m:<12} -> {', '.join(deps) if deps else '(none)'}")
    return problems


def split_known(problems:list[str], known:dict=KNOWN) -> tuple[list[str], list[str]]:
    "(failing, known) findings; a `known` entry matching nothing is failing: the debt is paid, delete the entry."
    hit = {k for k in known for p in problems if p.startswith(k)}
    failing = [p for p in problems if not any(p.startswith(k) for k in known)]
    failing += [f"stale KNOWN entry {k!r} in tools/layout_check.py: nothing matches it now, delete it"
                for k in known if k not in hit]
    return failing, [f"{p}  [{known[k]}]" for p in problems for k in known if p.startswith(k)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=Path(__file__).resolve().parent.parent, type=Path, help="repository root")
    ap.add_argument("--max-lines", default=600, type=int, help="largest module allowed (lines)")
    ap.add_argument("--quiet", action="store_true", help="print only the findings")
    a = ap.parse_args(argv)
    problems, known = split_known(check(a.root, a.max_lines, a.quiet))
    for p in known: print("KNOWN", p)
    for p in problems: print("FAIL", p)
    print(f"layout: {len(problems)} finding(s)" if problems else "layout: no circle, no private import, "
          f"no floor violation, no function-level package import, no unguarded import in a function, no module over {a.max_lines} lines, "
          "error classes only in core, every raise in the family, every warning of ours in core's family, "
          "one statement a line in every module" + (f" but {', '.join(sorted(JOINED))} (JOINED)" if JOINED else "")
          + (f" (but {len(known)} KNOWN finding(s) above)" if known else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
