"""A failed lookup on the package (`aef.nonesuch`, `hasattr(aef, x)`, IPython's completion probes) says where a name
lives from nbdev's index without importing any module of the package: since session 54 `_where_defined` imported
`accessor` (xarray, the mapping modules, `.aef` registered as a side effect of a probe; 1.09 s cold) on every
failed public name, and an ImportError on that way escaped `hasattr` (r1 finding 6). Now the accessor's methods are
read from its source, the index once, and an index that cannot be imported gives the bare AttributeError."""
import subprocess
import sys

PROBE = """
import sys
import alphaearth_nb as aef
assert not hasattr(aef, "nonesuch") and getattr(aef, "nonesuch", 7) == 7
print(sorted(m for m in ("alphaearth_nb.accessor", "alphaearth_nb.explorer", "xarray") if m in sys.modules))
try: aef.aggregate
except AttributeError as e: print(e)
try: aef.explore
except AttributeError as e: print(e)
"""


def _run(code):
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_a_failed_lookup_imports_no_module_and_keeps_its_words():
    loaded, aggregate, explore = _run(PROBE)
    assert loaded == "[]", loaded   # was ['alphaearth_nb.accessor', 'alphaearth_nb.explorer', 'xarray']
    assert "aef.zones.aggregate (`from alphaearth_nb.zones import aggregate`), or `emb.aef.aggregate(...)`" in aggregate
    assert "`emb.aef.explore(...)`, a method of an embedding map" in explore


def test_an_index_that_cannot_be_imported_leaves_the_bare_attribute_error():
    code = ("import sys; sys.modules['alphaearth_nb._modidx'] = None\nimport alphaearth_nb as aef\n"
            "print(hasattr(aef, 'aggregate'))\ntry: aef.aggregate\nexcept AttributeError as e: print(e)")
    assert _run(code) == ["False", "module 'alphaearth_nb' has no attribute 'aggregate'"]


def test_a_loaded_accessor_answers_for_itself():
    code = ("import alphaearth_nb as aef, alphaearth_nb.accessor as acc\nacc._EMBEDDING_ONLY += ('nonesuch',)\n"
            "try: aef.nonesuch\nexcept AttributeError as e: print(e)")
    assert _run(code) == ["module 'alphaearth_nb' has no attribute 'nonesuch': nonesuch is no function here: it is "
                          "`emb.aef.nonesuch(...)`, a method of an embedding map"]
