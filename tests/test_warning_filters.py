"""No process-wide `warnings.catch_warnings` where the warning can be avoided at its source or filtered once:
`catch_warnings` swaps the process's filter list before Python 3.14, so two threads in it lose or leak each other's
filters. features.nan_moments / nan_percentile (composite_features, quality's baseline) give NaN for a slice without
data and warn nothing; yearly_change's 0/0 is under its own np.errstate (dask's threads too); zarr_files'
consolidation warning is one fixed filter, kept first (as files.quiet_marker's); the accessor is registered without
xarray's warning. Each under `-W error`, the filters left as they were."""
import importlib
import inspect
import warnings

import dask.array as dsa
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import accessor, features, quality, years, zarr_files
from alphaearth_nb.core import NoDataWarning


@pytest.mark.parametrize("mod", [features, quality, years, accessor, zarr_files])
def test_no_catch_warnings(mod):
    assert "with warnings.catch_warnings()" not in inspect.getsource(mod)


def _filters_kept(f, category=Warning):
    before = list(warnings.filters)
    with warnings.catch_warnings():   # the test's own: the calls inside must warn nothing of `category`
        warnings.simplefilter("error", category)
        out = f()
    assert warnings.filters == before
    return out


def test_nan_moments_and_percentiles():
    a = np.array([[[1.0, np.nan], [3.0, np.nan]], [[np.nan, np.nan], [5.0, np.nan]]])   # (2, 2, 2): band 1 empty
    m, s = _filters_kept(lambda: features.nan_moments(a, (0, 1)))
    assert m[0] == 3.0 and np.isclose(s[0], np.sqrt(8 / 3)) and np.isnan(m[1]) and np.isnan(s[1])
    x = np.array([[1.0, np.nan], [3.0, np.nan], [2.0, np.nan]])   # (time 3, pixel 2): pixel 1 never seen
    p = _filters_kept(lambda: features.nan_percentile(x, [0, 50, 100]))
    assert p[:, 0].tolist() == [1.0, 2.0, 3.0] and np.isnan(p[:, 1]).all()
    assert np.isnan(_filters_kept(lambda: features.nan_percentile(x, 50)))[1]


def test_yearly_change_of_a_lazy_cube_warns_nothing():
    rng = np.random.default_rng(0)
    v = rng.normal(size=(4, 3, 3, 64)).astype(np.float32)
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    v[:, 0, 0] = np.nan   # a pixel without data in any year
    v[1:, 1, 1] = 0.0     # one with zero vectors
    cube = xr.DataArray(dsa.from_array(v, chunks=(4, 3, 3, 64)), dims=("time", "y", "x", "band"),
                        coords={"time": np.array(["2018", "2019", "2020", "2021"], "datetime64[ns]"),
                                "y": [2.5, 1.5, 0.5], "x": [0.5, 1.5, 2.5], "band": [f"A{i:02d}" for i in range(64)]},
                        attrs={"crs": "EPSG:32631"})
    with pytest.warns(NoDataWarning, match="1 of 9 sampled pixels are not embedding vectors"):   # ours, still said
        out = _filters_kept(lambda: years.yearly_change(cube).compute(), RuntimeWarning)
    assert np.isnan(out["distance"].values[:, 0, 0]).all()


def test_consolidation_filter_is_one_and_first(tmp_path):
    store = tmp_path / "s.zarr"
    xr.Dataset({"a": ("x", np.arange(3.0))}).to_zarr(store, zarr_format=3, consolidated=False)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        zarr_files.consolidate_zarr(store)
        zarr_files.consolidate_zarr(store)
        assert sum(f[1] is not None and f[1].pattern == zarr_files._CONSOLIDATED for f in warnings.filters) == 1


def test_accessor_registers_without_a_warning():
    # in a child process: a reload makes new accessor classes, without what `explorer` put on the old ones
    # (`.aef.explore`), and the rest of this worker's tests would get them
    import subprocess
    import sys
    code = ("import importlib, warnings, numpy as np, xarray as xr; warnings.simplefilter('error'); "
            "from alphaearth_nb import accessor; before = list(warnings.filters); importlib.reload(accessor); "
            "assert warnings.filters == before; "
            "print(type(xr.DataArray(np.zeros((1, 1, 64)), dims=('y', 'x', 'band')).aef).__name__)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.split()[-1:] == ["EmbeddingAccessor"], r.stderr[-2000:]


def test_package_stand_ins_register_without_a_warning():
    import subprocess
    import sys
    code = ("import importlib, warnings, xarray as xr; warnings.simplefilter('error'); import alphaearth_nb as aef; "
            "before = list(warnings.filters); del xr.DataArray.aef; aef._register(xr); aef._register(xr); "
            "assert warnings.filters == before; print(type(xr.DataArray(0).aef).__name__)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0 and "function" not in r.stderr, r.stderr[-2000:]
    assert "with _warnings.catch_warnings()" not in inspect.getsource(importlib.import_module("alphaearth_nb"))
