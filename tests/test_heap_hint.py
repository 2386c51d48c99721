"""Where pandas (so pyarrow's jemalloc thread) was imported before the package, as notebooks usually do, the CPU
backend's heap cannot be kept (`runtime.keep_heap` returns False) and small steps run about a third slower: the
training and embedding entry points, which call `keep_heap`, say so once (`PerformanceWarning`) with the two fixes.
Was: silent. Imported the other way round, nothing is said."""
import json
import subprocess
import sys

RUN = ("import json, warnings\n{first}\n"
       "from alphaearth_nb import runtime\n"
       "with warnings.catch_warnings(record=True) as w:\n"
       "    warnings.simplefilter('always')\n"
       "    kept = [runtime.keep_heap(), runtime.keep_heap()]\n"
       "said = [str(x.message) for x in w if type(x.message).__name__ == 'PerformanceWarning']\n"
       "print(json.dumps([runtime.jemalloc_threads() > 0, kept, said]))")


def _run(first):
    env = {"JAX_PLATFORMS": "cpu", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", RUN.format(first=first)], capture_output=True, text=True, timeout=300,
                         env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_pandas_first_is_said_once_with_the_fixes():
    threads, kept, said = _run("import pandas")
    assert threads and kept == [False, False] and len(said) == 1, (threads, kept, said)
    assert "Import alphaearth_nb before pandas" in said[0] and "JE_ARROW_MALLOC_CONF" in said[0], said


def test_the_package_first_says_nothing():
    threads, kept, said = _run("import alphaearth_nb, pandas")
    assert not threads and kept == [True, True] and said == [], (threads, kept, said)


def test_xarray_first_is_named():
    "A plain `import xarray` (no pandas written) starts pyarrow's thread too, xarray imports pandas: no false alarm " \
    "(the heap is not kept: session 34 measured the faults after `import xarray`), so the hint names xarray beside " \
    "pandas, and the fix. Was: 'pandas (pyarrow) was imported before alphaearth_nb', an import the user never wrote."
    threads, kept, said = _run("import xarray")
    assert threads and kept == [False, False] and len(said) == 1, (threads, kept, said)
    assert said[0].startswith("pandas and xarray (and so pyarrow) were imported before alphaearth_nb"), said
    assert "Import alphaearth_nb before pandas and xarray, or" in said[0], said
