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
