"help() of the public API shows each parameter's docments comment (finding N19-8): alphaearth_nb/__init__."
import ast
import importlib
import inspect
import json
import pkgutil
import pydoc
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastcore.docments import docments

import alphaearth_nb as aef

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def param_docs(load_script):
    "tools/param_docs.py as a module."
    return load_script(ROOT / "tools" / "param_docs.py")


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
            assert f"\n    {d['docment']}" in obj.__doc__, (n, p, d["docment"])   # fastcore reads a comment's first line
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
    "Not only `aef.<module>`: `import alphaearth_nb.stream` in a fresh interpreter (the package's finder); and the "
    "import reads no source file for them (they were made at export: tools/param_docs.py; it read every module's)."
    code = ("import linecache, tokenize; read = []; get = linecache.getlines; tok = tokenize.generate_tokens\n"
            "linecache.getlines = lambda f, *a: (read.append(f) if 'alphaearth_nb' in str(f) else None) or get(f, *a)\n"
            "tokenize.generate_tokens = lambda *a: read.append('tokenize') or tok(*a)\n"
            "import alphaearth_nb.stream as s\n"
            "assert '\\nParameters\\n' in s.create_site_corpus.__doc__, s.create_site_corpus.__doc__\n"
            "assert not read, read")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert importlib.import_module("alphaearth_nb.stream").create_site_corpus.__doc__.count("Parameters") == 1  # once


def test_signature_reader_on_hard_signatures(param_docs, tmp_path):
    "tools/param_docs.py's reader (ast and tokenize; was a regular-expression reader at each import) against "
    "fastcore's on signatures with '#' and quotes in defaults, a lambda default, nested brackets, stars, a decorator, a "
    "multi-line annotation and a comment on the signature's last line."
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
def g(x,  # first
      last=0):  # on the last line
    "doc"
    return {}
'''
    p = tmp_path / "hard_sig.py"; p.write_text(src)
    ns = {}; exec(compile(src, str(p), "exec"), ns)
    tree, notes, lines = ast.parse(src), param_docs.line_comments(src), [l.encode() for l in src.split("\n")]
    got = param_docs.signature_params(lines, tree.body[1], notes)
    want = {k: v["docment"] for k, v in docments(ns["f"].__wrapped__, full=True).items() if k != "return"}
    assert [g[0] for g in got] == ["a", "b", "c", "*args", "d", "e", "**kw"]
    assert want.pop("kw") is None                      # fastcore reads no comment on `**kw`; help() keeps it
    assert {g[0].lstrip("*"): g[2] or None for g in got} == {**want, "kw": "the rest"}
    assert got[0][1] == 'dict[str, "int"]' and got[4][1] == "tuple[int, int]|None"   # as written, on one line
    last = param_docs.signature_params(lines, tree.body[2], notes)   # the old reader lost `last`'s comment
    assert last == [["x", "", "first"], ["last", "", "on the last line"]]
    assert last == [[k, "", v["docment"]] for k, v in docments(ns["g"], full=True).items() if k != "return"]


def test_generated_sections_are_up_to_date(param_docs, tmp_path, capsys):
    "alphaearth_nb/_param_docs.py is what tools/param_docs.py makes of this checkout; a changed comment makes it stale."
    assert param_docs.main(["--check"]) == 0, "run `python tools/param_docs.py` (make export) and commit the result"
    (tmp_path / "alphaearth_nb").mkdir()
    mod = tmp_path / "alphaearth_nb" / "m.py"
    mod.write_text("__all__ = ['f', 'C', 'bare']\nfrom x import f2\n"
                   "def f(a:int,  # the first\n      b=2):\n    'doc'\n"
                   "class C:\n    size: int = 3  # pixels\n    other: int = 0\n"
                   "def bare(a, b): 'no comment'\n")
    assert param_docs.main(["--root", str(tmp_path)]) == 0
    secs = {}   # the parts `_param_docs.py` merges (its relative imports need the package)
    for part in sorted((tmp_path / "alphaearth_nb").glob("_param_docs_*.py")):
        ns = {}; exec(part.read_text(), ns); secs.update(ns["SECTIONS"])
    assert secs == {"alphaearth_nb.m": {"f": "a : int\n    the first\nb\n    \n", "C": "size : int\n    pixels\n"}}
    assert param_docs.main(["--root", str(tmp_path), "--check"]) == 0
    mod.write_text(mod.read_text().replace("# the first", "# the first, now changed"))
    assert param_docs.main(["--root", str(tmp_path), "--check"]) == 1
    assert "out of date" in capsys.readouterr().out


def test_blank_report_and_no_blank_parameter_where_users_start(param_docs, capsys):
    "`--blank` lists what help() shows without a comment. The top-level names, the `.aef` methods and the pictures "
    "left some blank: help(emb.aef.cluster) showed `seed`, `n_iter` and `emb` with nothing under them, help(aef.AlphaEarth)"
    " `cfg` and `key`, help(aef.maps.plot) had no Parameters at all."
    src = ('def f(a,  # explained\n      b, *c, **d):\n    pass\ndef g(x, y):  # y only\n    pass\n'
           'class C:\n    def __init__(self, n:int):\n        pass\n__all__ = ["f", "g", "C"]\n')
    assert param_docs.module_blanks(src) == {"f": ["b", "*c", "**d"], "g": ["x"], "C": ["n"]}
    assert param_docs.main(["--blank"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].endswith("public objects with parameters no comment explains")
    methods = [getattr(acc, n) for acc in (aef.accessor.EmbeddingAccessor, aef.accessor.StackAccessor)
               for n in vars(acc) if not n.startswith("_") and callable(getattr(acc, n))]   # forward keeps fn's names
    top = [o for n in aef._all_ if callable(o := getattr(aef, n)) and not isinstance(o, type(aef))]
    pictures = [getattr(aef.maps, n) for n in ("plot", "plot_years", "plot_rgb", "plot_classes", "plot_heat",
                                               "to_rgba", "explore", "downsample", "extent")]
    names = {(o.__module__, o.__name__) for o in methods + top + pictures}
    assert len(names) > 40
    blank = param_docs.blanks()
    left = sorted(f"{mod}.{n}: {blank[mod][n]}" for mod, n in names if n in blank.get(mod, {}))
    assert left == [], left


def test_no_blank_parameter_in_what_the_tutorials_call(param_docs):
    "A reader of a tutorial asks help() of what it calls: checkpoints, init_distributed, ee_source, sample_sites, "
    "CorpusStream, fake_xee, ... showed parameters with nothing under them, or no Parameters at all."
    code = "\n".join("".join(c["source"]) for p in sorted((ROOT / "nbs" / "tutorials").glob("*.ipynb"))
                     for c in json.loads(p.read_text())["cells"] if c["cell_type"] == "code")
    left = sorted(f"{mod}.{n}: {ps}" for mod, objs in param_docs.blanks().items() for n, ps in objs.items()
                  if re.search(rf"(?<!\w){n}\(", code))
    assert left == [], left


def test_no_blank_parameter_in_the_evaluation_sampling_and_reading_helpers(param_docs):
    "Each had a Parameters section in help() with some entries empty (seed, methods, band_axis, per_polygon, ...)."
    names = {"evaluate": ["evaluate_regression"], "draws": ["max_trial_split"], "cubes": ["label_table"],
             "samples": ["Batches"], "corpus": ["CorpusBatches"], "stacks": ["toy_stack"],
             "testing": ["embedding_from_array"], "nodata": ["declared_nodata", "unpacked"],
             "geo": ["pixel_indices", "point_crs"], "places": ["points_xy"],
             "sources": ["normalise", "denormalise", "valid_mask", "compute_stats"], "earthengine": ["load_source"],
             "quality": ["scene_points", "compare_on_scene", "error_ratio"], "maps": ["plot_change_events"],
             "stream": ["write_site"]}
    blank = param_docs.blanks()
    left = [f"{m}.{n}: {blank[f'alphaearth_nb.{m}'][n]}" for m, ns in names.items() for n in ns
            if n in blank.get(f"alphaearth_nb.{m}", {})]
    assert left == [], left


def test_a_parameters_section_shows_no_empty_entry(param_docs):
    "help() of a function with some parameters commented listed the others with nothing under them (59 objects)."
    internal = {"landscape.green_dry", "losses.perturb", "losses.example_terms", "sensors.reflectance",
                "sensors.cloud_cover", "sensors.cloud_mask"}   # the sample scene's simulation and the loss internals
    secs, blank = param_docs.sections(), param_docs.blanks()
    partial = {f"{mod.split('.', 1)[1]}.{n}" for mod, objs in blank.items() for n in objs if n in secs.get(mod, {})}
    assert partial <= internal, sorted(partial - internal)
