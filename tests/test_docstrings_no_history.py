"""Public docstrings state what is, not what was: no change history ('Was: ...', '(was: ...)', '; was ...') in what
`help()` shows for a module, a name of its `__all__` or a public method of a public class; the history lives in git
(note47: `help(aef.cubes.aggregate)` carried five 'was:' asides among its facts)."""
import importlib
import inspect
import pkgutil
import re

import alphaearth_nb as aef

HISTORY = re.compile(r"\b[Ww]as:|\(was\b|[;:] was\b|(?:^|[.!?]\s)Was\b"
                     # and the same told in the past tense: what a door used to do with an input
                     r"|\b(?:was|were) (?:refused|ignored|lost|returned|decoded as|normalised as|trained as|scored as|drawn as"
                     r"|taken as|told|cast to)\b")


def _public_docs():
    for m in sorted(x.name for x in pkgutil.iter_modules(aef.__path__) if not x.name.startswith("_")):
        mod = importlib.import_module(f"alphaearth_nb.{m}")
        yield m, mod.__doc__ or ""
        for n in getattr(mod, "__all__", []):
            o = getattr(mod, n, None)
            if getattr(o, "__module__", None) != mod.__name__ or not isinstance(getattr(o, "__doc__", None), str): continue
            yield f"{m}.{n}", o.__doc__
            if inspect.isclass(o):
                for k, v in vars(o).items():
                    if not k.startswith("_") and callable(v) and isinstance(getattr(v, "__doc__", None), str):
                        yield f"{m}.{n}.{k}", v.__doc__


def test_no_public_docstring_tells_its_history():
    docs = list(_public_docs())
    assert len(docs) > 1000   # every module read
    told = {name: HISTORY.search(" ".join(d.split())).group(0) for name, d in docs if HISTORY.search(" ".join(d.split()))}
    assert not told, f"{len(told)} public docstrings tell their history (say what is; git keeps what was): {told}"


def test_the_rule_sees_history():
    for text in ("A map. Was: a table.", "the map (was: a table)", "the map (`a`; was: b)", "Was (3f2a): a table.",
                 "read as a point (`read_places`: was a `GridError`)", "a label raster's -1 was scored as a class",
                 "codes dequantised (they were normalised as raw codes)"):
        assert HISTORY.search(text), text
    for text in ("the model it was trained with", "a run that was resumed", "after the lock was taken (its pid reused)",
                 "the CRS they were read in"):
        assert not HISTORY.search(text), text


# The same rule for what only a reader of the source sees: every docstring (private ones too) and comment of the
# package and of the notebooks' code cells, and the notebooks' prose. A comment may also open on the history itself
# (`# was: TypeError`); prose may name the session that made a change ('split from here in session 45'). What the
# code did before lives in git; benchmarks/NOTES.md, the lab book, is not read here.
import ast, io, json, tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMENT_HISTORY = re.compile(r"^#\s*(?:was|were)\b")
SESSION = re.compile(r"\b[Ss]essions? \d+|\buntil session\b")


def _told(text:str, *extra) -> str|None:
    flat = " ".join(text.split())
    for rule in (HISTORY,) + extra:
        if m := rule.search(flat): return m.group(0)


def _source_words(src:str):
    "(line, text) of every comment and docstring of Python source `src`."
    for t in tokenize.generate_tokens(io.StringIO(src).readline):
        if t.type == tokenize.COMMENT: yield t.start[0], t.string
    for n in ast.walk(ast.parse(src)):
        if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if d := ast.get_docstring(n, clean=False): yield n.body[0].lineno, d


def _history_in_source(src:str) -> list:
    return [(ln, w) for ln, text in _source_words(src) if (w := _told(text, SESSION)) or
            text.startswith("#") and (w := _told(text, COMMENT_HISTORY))]


def _cells(kind:str):
    for nb in sorted((ROOT / "nbs").rglob("*.ipynb")):
        if ".ipynb_checkpoints" in nb.parts: continue
        for i, c in enumerate(json.loads(nb.read_text())["cells"]):
            if c["cell_type"] == kind: yield f"{nb.relative_to(ROOT)} cell {i}", "".join(c["source"])


def test_no_private_docstring_or_comment_tells_its_history():
    mods = sorted(p for p in (ROOT / "alphaearth_nb").glob("*.py") if p.name != "_modidx.py")
    assert len(mods) > 100
    told = {f"{p.name}:{ln}": w for p in mods for ln, w in _history_in_source(p.read_text())}
    assert not told, f"{len(told)} comments or docstrings of the package tell their history (say what the code does " \
                     f"and why; git keeps what it did): {told}"


def test_no_notebook_code_cell_tells_its_history():
    told = {}
    for where, src in _cells("code"):
        try: found = _history_in_source(src)
        except (SyntaxError, tokenize.TokenError): continue   # a cell of shell or magics
        told.update({f"{where} line {ln}": w for ln, w in found})
    assert not told, f"{len(told)} notebook code cells tell their history: {told}"


def test_the_source_rule_sees_history():
    src = ('def f(x):\n    "The map; was: a table."\n    return x   # was: TypeError\n'
           'def g(x):\n    return x   # refused (was NaN everywhere)\n    # 0.9x the CPU (session 44)\n')
    assert sorted(ln for ln, _ in _history_in_source(src)) == [2, 3, 5, 6]
    for fine in ('def f(x):\n    "The model it was trained with."\n    return x   # the CRS they were read in\n',
                 'x = 1   # a run that was resumed\n'):
        assert not _history_in_source(fine), fine


def test_no_notebook_prose_tells_its_history():
    told = {}
    for where, text in _cells("markdown"):
        if w := _told(text, SESSION): told[where] = w
    assert not told, f"{len(told)} notebook markdown cells tell their history or the session of a change (say what " \
                     f"is and why; measurements name their benchmark and benchmarks/NOTES.md): {told}"


def test_the_prose_rule_sees_history():
    for text in ("Split from `gate` in session 45.", "(session 13, `benchmarks/embed.py`)", "until session 42 it gathered",
                 "Was: refused as a table.", "the raster (was: a table)"):
        assert _told(text, SESSION), text
    for fine in ("a session of the scheduler", "the class it was drawn from", "every year it was given"):
        assert not _told(fine, SESSION), fine


def test_no_package_words_name_a_session():
    "A session number means nothing to a reader of the code nor to a user shown a message: none in a docstring, a " \
    "comment or any string of the package (runtime's heap warning said 'session 34: 77 vs 49 ms')."
    told = {}
    for p in sorted((ROOT / "alphaearth_nb").glob("*.py")):
        src = p.read_text()
        words = [(ln, t) for ln, t in _source_words(src)]
        words += [(n.lineno, n.value) for n in ast.walk(ast.parse(src))
                  if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        told.update({f"{p.name}:{ln}": m.group(0) for ln, t in words if (m := SESSION.search(" ".join(t.split())))})
    assert not told, f"{len(told)} places of the package name a session: {told}"
    assert SESSION.search("(session 34: 77 vs 49 ms)") and not SESSION.search("a Python session")
