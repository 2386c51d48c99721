"""The README's Python snippets import the package before pandas and xarray: pandas (3) imports pyarrow, whose
jemalloc thread keeps `runtime.keep_heap` from keeping the heap, and the package then warns (PerformanceWarning) in
the README's own example. Session 35's case re-run found the second snippet warning."""
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _snippets():
    return re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)


def test_each_snippet_imports_the_package_before_pandas_and_xarray():
    found = 0
    for code in _snippets():
        lines = [l.split("#")[0] for l in code.splitlines() if re.match(r"\s*(import|from)\s", l)]
        ours = [i for i, l in enumerate(lines) if "alphaearth_nb" in l]
        heavy = [i for i, l in enumerate(lines) if re.search(r"\b(pandas|xarray|geopandas)\b", l)]
        if not ours or not heavy: continue
        found += 1
        assert min(ours) < min(heavy), code
    assert found >= 2   # both snippets import pandas
