"""`aggregate` of a bare (x, y) pair, or (xs, ys) arrays, without `crs=` reads it by the one rule for points
(`geo.point_crs`), as `similarity`, `sample` and `aggregate` of a table's x/y columns do: metres of the map's own UTM
zone are read in the map's CRS, lon/lat as lon/lat. Was: lon/lat alone, so the map's own metres were refused
('far outside the area of use of EPSG:4326 ... crs=') while the other doors read the same pair (cases B2-n11)."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef

pytest.importorskip("geopandas"); pytest.importorskip("rasterio")
BANDS = aef.band_names()


def _map():
    v = np.random.default_rng(11).normal(size=(5, 5, 64))
    v = (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)
    return xr.DataArray(v, dims=("y", "x", "band"), attrs={"crs": "EPSG:32631"},
                        coords={"y": 5_000_045.0 - 10 * np.arange(5), "x": 500_005.0 + 10 * np.arange(5), "band": BANDS})


def test_the_maps_own_metres_read_as_the_other_doors_read_them():
    e = _map()
    x, y = float(e.x[2]), float(e.y[1])
    out = e.aef.aggregate((x, y), buffer=5)
    assert out["n_pixels"].tolist() == [1]
    np.testing.assert_allclose(out[BANDS].to_numpy(float)[0], e.values[1, 2], atol=1e-6)
    said = e.aef.aggregate((x, y), buffer=5, crs="EPSG:32631")
    np.testing.assert_allclose(out[BANDS].to_numpy(float), said[BANDS].to_numpy(float))
    table = e.aef.aggregate(pd.DataFrame({"x": [x], "y": [y]}), buffer=5)
    np.testing.assert_allclose(out[BANDS].to_numpy(float), table[BANDS].to_numpy(float))
    np.testing.assert_allclose(e.aef.sample((x, y))[BANDS].to_numpy(float)[0], e.values[1, 2], atol=1e-6)


def test_arrays_of_metres_too():
    e = _map()
    xs, ys = e.x.values[[0, 4]], e.y.values[[3, 0]]
    out = e.aef.aggregate((xs, ys), buffer=5)
    assert out["n_pixels"].tolist() == [1, 1]
    np.testing.assert_allclose(out[BANDS].to_numpy(float), e.values[[3, 0], [0, 4]], atol=1e-6)


def test_lonlat_pair_still_reads_as_lonlat():
    from pyproj import Transformer
    e = _map()
    lon, lat = Transformer.from_crs(32631, 4326, always_xy=True).transform(float(e.x[3]), float(e.y[2]))
    out = e.aef.aggregate((lon, lat), buffer=5)
    assert out["n_pixels"].tolist() == [1]
    np.testing.assert_allclose(out[BANDS].to_numpy(float)[0], e.values[2, 3], atol=1e-6)
