"help() of the public API shows each parameter's docments comment (finding N19-8): alphaearth_nb/__init__."
import importlib
import inspect
import pkgutil
import pydoc
import subprocess
import sys

from fastcore.docments import docments

import alphaearth_nb as aef


def _help(obj) -> str: return pydoc.render_doc(obj, renderer=pydoc.plaintext)


def test_help_of_the_top_level_functions_lists_their_docments():
    "fastcore's own reading of the comments (the notebooks' show_doc) is the oracle: help() shows every one."
    names = ["fit", "preset", "load_scene", "evaluate_embeddings", "validate_stack", "to_frames", "get_source",
             "register", "as_period", "from_official", "dequantize", "band_names"]
    shown = 0
    for n in names:
        obj, text = getattr(aef, n), _help(getattr(aef, n))
        for p, d in docments(obj, full=True).items():
            if p == "return" or not d["docment"]: continue
            assert f"\n    {d['docment']}\n" in obj.__doc__, (n, p, d["docment"])
            assert d["docment"] in text and "Parameters" in text, (n, p)
            shown += 1
    assert shown > 40
    fit = _help(aef.fit)
    assert "resume : bool\n" in fit and "**overrides\n" in _help(aef.preset)     # type as written, stars kept
    assert "TrainState\n" not in fit.split("Parameters")[1]                     # the return type is no parameter
    assert aef.fit.__doc__.startswith("Train `model` on `data`")                # the one-line summary stays first


def test_every_public_module_gets_parameter_sections():
    "Every module, the lazily loaded ones too: each public function whose signature carries comments has a "
    "Parameters section."
    bare = []
    for m in pkgutil.iter_modules(aef.__path__):
        if m.name.startswith("_"): continue
        mod = getattr(aef, m.name)
        lines = open(mod.__file__).read().splitlines()
        for n in getattr(mod, "__all__", ()):
            obj = getattr(mod, n)
            if not inspect.isfunction(obj) or obj.__module__ != mod.__name__: continue
            code = inspect.unwrap(obj).__code__   # a comment after a parameter on a line of its signature: a docment
            sig, i = [], code.co_firstlineno - 1
            while i < len(lines) and not lines[i].split("#")[0].rstrip().endswith(":"):
                sig.append(lines[i]); i += 1
            has = any("#" in l and not l.split("#")[0].strip().startswith(("@", "def ")) for l in sig) or \
                any(l.split("#")[0].rstrip().endswith(",") and "#" in l for l in sig)
            if has and "\nParameters\n----------\n" not in (obj.__doc__ or ""): bare.append(f"{m.name}.{n}")
    assert not bare, bare
    assert "window side in pixels" in _help(aef.samples.SamplerConfig)          # a dataclass: its field comments


def test_a_module_imported_directly_gets_them_too():
    "Not only `aef.<module>`: `import alphaearth_nb.stream` in a fresh interpreter (the package's finder)."
    code = ("import alphaearth_nb.stream as s; "
            "assert '\\nParameters\\n' in s.create_site_corpus.__doc__, s.create_site_corpus.__doc__")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert importlib.import_module("alphaearth_nb.stream").create_site_corpus.__doc__.count("Parameters") == 1  # once


def test_signature_reader_on_hard_signatures(tmp_path):
    "The regular-expression reader of the comments (3 Dec: was tokenize, 2x slower) against fastcore's on signatures "
    "with '#' and quotes in defaults, a lambda default, nested brackets, stars, a decorator and a multi-line annotation."
    src = '''import functools
@functools.lru_cache(maxsize=None)   # a decorator's comment is no parameter's
def f(a:dict[str, "int"]={"#": (1, 2)},   # first: a dict default holding '#'
      b='it\\'s # not a comment',  # second
      c=lambda x: x + 1,         # a lambda default
      *args,                      # more values
      d:tuple[int,
              int]|None=None,     # spans two lines
      e=(1,  # a comment inside a default
         2),
      **kw,                       # the rest
     ) -> dict[str, int]:  # returns
    "doc"
    return {}
'''
    p = tmp_path / "hard_sig.py"; p.write_text(src)
    ns = {}; exec(compile(src, str(p), "exec"), ns)
    got = aef._signature_params(src.splitlines(keepends=True), 1)
    want = {k: v["docment"] for k, v in docments(ns["f"].__wrapped__, full=True).items() if k != "return"}
    assert [g[0] for g in got] == ["a", "b", "c", "*args", "d", "e", "**kw"]
    assert want.pop("kw") is None                      # fastcore reads no comment on `**kw`; help() keeps it
    assert {g[0].lstrip("*"): g[2] or None for g in got} == {**want, "kw": "the rest"}
    assert got[0][1] == 'dict[str, "int"]' and got[4][1] == "tuple [ int , int ] | None"
