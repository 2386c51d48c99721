"""`import alphaearth_nb` loads `core` and `runtime` (whose process settings come before any JAX backend starts; session
36: runtime above core, core's errors and settings its own again) and no other module of its own, nor xarray (session
33, nbs/40_api.ipynb): each module and everyday name loads on first use, and the `.aef` accessor is on xarray whether
xarray is imported before or after. Was: the import loaded all 28 modules, JAX, Equinox, dask and matplotlib (6.9 s of
`aef --help`'s import time)."""

import pytest


def test_the_import_loads_core_and_runtime_alone(run_py):
    assert run_py("import sys, json, alphaearth_nb as aef\n"
                  "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('xarray', 'dask', 'matplotlib', "
                  "'zarr') or (m.startswith('alphaearth_nb.') and '._' not in m))))") == \
        ["alphaearth_nb.band_labels", "alphaearth_nb.core", "alphaearth_nb.loaders", "alphaearth_nb.package",
         "alphaearth_nb.runtime", "alphaearth_nb.spelling"]   # core, what it imports, runtime above it; _param_docs*: the generated text of help()


@pytest.mark.parametrize("first", ["import xarray as xr, alphaearth_nb as aef", "import alphaearth_nb as aef, xarray as xr"])
def test_the_accessor_is_there_either_order(first, run_py):
    "The first `.aef` of a DataArray and of a Dataset is the accessor's own class; the class attribute after it too."
    got = run_py(f"{first}\nimport json, numpy as np\n"
                 "v = np.eye(64, dtype='f4')[:4].reshape(2, 2, 64); e = xr.DataArray(v, dims=('y', 'x', 'band'))\n"
                 "print(json.dumps([type(e.aef).__name__, type(xr.Dataset().aef).__name__, xr.DataArray.aef.__name__, "
                 "float(e.aef.similarity(v[0, 0])[0, 0])]))")
    assert got[:3] == ["EmbeddingAccessor", "StackAccessor", "EmbeddingAccessor"] and got[3] == pytest.approx(1.0)


def test_everyday_names_load_their_module_once(run_py):
    got = run_py("import sys, json, alphaearth_nb as aef\nf = aef.fit\n"
                 "print(json.dumps([f is aef.train.fit, 'fit' in vars(aef), 'alphaearth_nb.train' in sys.modules, "
                 "'fit' in dir(aef) and 'cli' in dir(aef), aef.AEFError is aef.core.AEFError]))")
    assert got == [True, True, True, True, True]


@pytest.mark.parametrize("first", ["import alphaearth_nb as aef, xarray as xr",
                                   "import xarray as xr, alphaearth_nb as aef",
                                   "import xarray as xr\nfrom alphaearth_nb.maps import plot_rgb",
                                   "import xarray as xr\nfrom alphaearth_nb.explorer import explore",
                                   "import xarray as xr\nimport alphaearth_nb.accessor",
                                   "import alphaearth_nb as aef, xarray as xr\naef.accessor"])
def test_plot_and_explore_are_on_the_accessor_whatever_loaded_first(first, run_py):
    "`.aef.plot` (maps) and `.aef.explore` (explorer) are on the first `.aef` of a map, as when the package loaded " \
    "every module (was, after the lazy import: AttributeError 'EmbeddingAccessor' object has no attribute 'plot'; " \
    "and where `accessor` itself was imported first, until session 34)."
    got = run_py(f"{first}\nimport json, numpy as np\n"
                 "e = xr.DataArray(np.eye(64, dtype='f4')[:4].reshape(2, 2, 64), dims=('y', 'x', 'band'))\n"
                 "print(json.dumps([callable(getattr(e.aef, n, None)) for n in ('plot', 'explore', 'similarity')]))")
    assert got == [True, True, True]
