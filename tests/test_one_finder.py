"""The package puts one finder on `sys.meta_path` (`_Finder`, nbs/40_api.ipynb), which does both jobs two near-identical
finders did (session 33: `_Follow`, `_ParamDocsFinder`): the Parameters sections of each module of the package loaded
later, and `_FOLLOWED`'s hooks (xarray's `.aef` stand-ins; explorer after maps or accessor, so `.aef.plot` and
`.aef.explore` are there). A re-run of the package's code (a notebook's, `importlib.reload`) leaves one finder, not
one more each time (was: `_ParamDocsFinder` was added again, a module's loading wrapped once per copy)."""

OURS = ("ours = lambda: [f.__name__ for f in sys.meta_path if isinstance(f, type) and "
        "f.__module__.split('.')[0] == 'alphaearth_nb']\n")


def test_one_finder_does_both_jobs_and_stays_one(run_py):
    got = run_py("import sys, json, importlib, alphaearth_nb as aef\n" + OURS +
                 "first = ours(); importlib.reload(aef); again = ours()\n"
                 "import xarray as xr, numpy as np\nfrom alphaearth_nb.maps import plot_rgb\n"
                 "e = xr.DataArray(np.eye(64, dtype='f4')[:4].reshape(2, 2, 64), dims=('y', 'x', 'band'))\n"
                 "print(json.dumps([first, again, plot_rgb.__doc__.count('Parameters\\n----------'), "
                 "'alphaearth_nb.explorer' in sys.modules, type(e.aef).__name__, callable(getattr(e.aef, 'explore', None))]))")
    assert got == [["_Finder"], ["_Finder"], 1, True, "EmbeddingAccessor", True]


def test_xarray_after_the_package_gets_the_stand_ins_through_the_one_finder(run_py):
    got = run_py("import sys, json, alphaearth_nb as aef\n" + OURS +
                 "n = ours()\nimport xarray as xr\n"
                 "print(json.dumps([n, 'alphaearth_nb.accessor' in sys.modules, xr.DataArray.aef.__name__, "
                 "type(xr.Dataset().aef).__name__]))")
    assert got == [["_Finder"], False, "aef", "StackAccessor"]   # the stand-in until the first `.aef`
