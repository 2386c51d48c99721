"""`aggregate(h3=...)` counts every pixel once, in the H3 cell its centre falls in (`h3.latlng_to_cell` of the
centre), on maps smaller than a cell and at the map's edges. Was: only the cells whose centres fall on the map's
footprint, silently: a 4 x 4 map of 10 m pixels at resolution 9 gave 0 cells, a 40 x 40 map 677 of its 1,600 pixels."""
import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef

h3 = pytest.importorskip("h3")
BANDS = aef.band_names()


def _map(n, crs="EPSG:32631", y=None, x=None):
    v = np.random.default_rng(n).normal(size=(n, n, 64))
    v = (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)
    y = 5_000_005.0 + 10 * np.arange(n)[::-1] if y is None else y
    x = 500_005.0 + 10 * np.arange(n) if x is None else x
    return xr.DataArray(v, dims=("y", "x", "band"), coords={"y": y, "x": x, "band": BANDS}, attrs={"crs": crs})


def _own_cells(e, res):
    "Each pixel's cell, h3's own answer for its centre (lon/lat by pyproj)."
    from pyproj import Transformer
    xs, ys = np.meshgrid(e.x.values, e.y.values)
    lon, lat = Transformer.from_crs(e.attrs["crs"], 4326, always_xy=True).transform(xs.ravel(), ys.ravel())
    return np.array([h3.latlng_to_cell(b, a, res) for a, b in zip(lon, lat)]).reshape(xs.shape)


@pytest.mark.parametrize("n", [4, 40])
def test_every_pixel_in_the_cell_of_its_centre(n):
    e = _map(n)
    out = e.aef.aggregate(h3=9)
    own = _own_cells(e, 9)
    assert int(out["n_pixels"].sum()) == n * n
    assert sorted(out["h3"]) == sorted(set(own.ravel()))
    v = e.values
    for _, row in out.iterrows():
        m = own == row["h3"]
        assert row["n_pixels"] == m.sum()
        want = v[m].sum(0)
        np.testing.assert_allclose(row[BANDS].to_numpy(float), want / np.linalg.norm(want), atol=1e-5)


def test_lonlat_map_every_pixel_counted():
    "A 0.0005 degree map (about 55 m pixels) at resolution 10 (cells about 66 m across): 36 pixels, all counted."
    e = _map(6, crs="EPSG:4326", y=45.0 + 0.0005 * np.arange(6)[::-1], x=5.0 + 0.0005 * np.arange(6))
    out = e.aef.aggregate(h3=10)
    own = _own_cells(e, 10)
    assert int(out["n_pixels"].sum()) == 36
    assert dict(zip(out["h3"], out["n_pixels"])) == {c: int((own == c).sum()) for c in set(own.ravel())}


def test_zones_are_the_cells_holding_a_centre():
    e = _map(4)
    z = aef.cubes.h3_zones(e, 9)
    assert list(z["h3"]) == sorted(set(_own_cells(e, 9).ravel()))
    assert z.crs.to_epsg() == 32631
