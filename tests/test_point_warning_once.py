"""A similarity point's warnings reach the user once under Python's default filter (s56 r2): the form pass
(analysis._read_with_sample, _point_first) recorded and dropped them, and Python's registry then hid them where
`query_vector` reads the point: 'the points lie on the map both read in EPSG:3857 ... and read in EPSG:4326' was shown
0 times for a map in memory and a cube (once on 906bfade)."""
import warnings

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef


def _map(kind):
    n = 64
    v = np.random.default_rng(0).normal(size=(n, n, 64)).astype("float32")
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    da = aef.geo.write_crs(xr.DataArray(v, dims=("y", "x", "band"), coords={
        "y": 635. - 10 * np.arange(n), "x": 5. + 10 * np.arange(n), "band": [f"A{i:02d}" for i in range(64)]}), "EPSG:3857")
    if kind == "lazy": return da.chunk({"y": 32, "x": 32})
    if kind == "cube":
        return xr.concat([da, da.copy(data=v[::-1].copy())], "time").assign_coords(
            time=np.array(["2020-01-01", "2021-01-01"], "datetime64[ns]"))
    return da


@pytest.mark.parametrize("kind", ["numpy", "lazy", "cube"])
@pytest.mark.parametrize("action", ["default", "always", "once"])
def test_a_points_warning_is_shown_once(kind, action):
    shown = []
    with warnings.catch_warnings():
        warnings.simplefilter(action)
        warnings.onceregistry.clear()   # "once" is once a process: an earlier test's showing would hide it
        warnings.showwarning = lambda m, c, f, l, file=None, line=None: shown.append(str(m))
        aef.similarity(_map(kind), (0.001, 0.002))
    both = [s for s in shown if "both read in EPSG:3857" in s]
    assert len(both) == 1, shown   # was 0 under 'default' and 'once' (numpy, cube)


