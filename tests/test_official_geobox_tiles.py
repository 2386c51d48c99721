"""official.open(geobox=...) reads every tile under the GeoBox, not only those under `area`: the GeoBox is the
output's extent, so a GeoBox reaching beyond the area (or given with area=None) gets the tiles' values there. Was:
the tiles searched under `area` alone, so the GeoBox's pixels past it came back no data (NaN) where tiles are, and a
GeoBox over two zones beside an area in one was read as that zone's own grid. Local mirrors in the official layout
(`build_local_mirror`: two tiles side by side in 31N, one in 32N, at 6 deg E)."""
import contextlib

import numpy as np
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
from affine import Affine
from odc.geo.geobox import GeoBox
from pyproj import Transformer

import alphaearth_nb.official as off
from alphaearth_nb.core import ConfigError, GridWarning


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2024,), samples=shared_data / "aef_samples")


def _tiles(mirror, zone):
    rows = mirror.index[mirror.index.utm_zone == zone].sort_values("utm_west")
    return [tuple(float(r[k]) for k in ("utm_west", "utm_south", "utm_east", "utm_north")) for _, r in rows.iterrows()]


def _area_in(bounds, crs, margin=100.0):
    "A small lon/lat box inside the tile `bounds` (metres in `crs`), `margin` m from its west and south edges."
    to = Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform
    w, s = to(bounds[0] + margin, bounds[1] + margin); e, n = to(bounds[0] + margin + 50, bounds[1] + margin + 50)
    return (w, s, e, n)


def _expect(cube, mirror, written_at, zone, crs):
    "The vectors the mirror wrote under each pixel of the (y, x, band) map `cube` (its CRS `crs`), NaN where none."
    to = Transformer.from_crs(cube.attrs["crs"], crs, always_xy=True).transform
    want = np.full(cube.shape, np.nan, np.float32)
    for i, y in enumerate(cube.y.values):
        for j, x in enumerate(cube.x.values):
            v = written_at(mirror, 2024, zone, *to(float(x), float(y)))
            if v is not None: want[i, j] = v
    return want


@pytest.mark.parametrize("area", ["first_tile", None])
def test_a_geobox_on_the_tiles_grid_past_the_area_reads_every_tile_under_it(mirror, written_at, area):
    (a, b) = _tiles(mirror, "31N")
    assert a[2] == b[0]                                   # the two 31N tiles side by side
    gb = GeoBox((40, 60), Affine(10, 0, a[2] - 300, 0, -10, a[3] - 200), "EPSG:32631")   # 30 px in each tile
    with pytest.warns(GridWarning, match="lies wholly outside the GeoBox") if area else contextlib.nullcontext():
        cube = off.open(_area_in(a, "EPSG:32631") if area else None, 2024, source=mirror.root, chunks=32,
                        geobox=gb).isel(time=0).compute()   # the area, off the GeoBox, chooses nothing: said
    assert cube.sizes["y"] == 40 and cube.sizes["x"] == 60 and cube.attrs["crs"] == "EPSG:32631"
    want = _expect(cube, mirror, written_at, "31N", "EPSG:32631")
    assert np.isfinite(want).all()                        # both tiles hold every pixel of the GeoBox
    np.testing.assert_array_equal(cube.values, want)      # the tiles' own pixels, the second tile's too (was NaN)


def test_a_warped_geobox_past_the_area_reads_every_tile_under_it(mirror, written_at):
    (a, b) = _tiles(mirror, "31N")
    to = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform
    w, s = to(a[2] - 250, a[3] - 300); e, n = to(a[2] + 250, a[3] - 100)
    gb = GeoBox.from_bbox((w, s, e, n), "EPSG:4326", shape=(10, 20))
    with pytest.warns(GridWarning, match="lies wholly outside the GeoBox"):   # the area chooses nothing: said
        cube = off.open(_area_in(a, "EPSG:32631"), 2024, source=mirror.root, chunks=32, geobox=gb,
                        resampling="nearest").isel(time=0).compute()
    east = cube.x.values > to(a[2], a[3] - 200)[0] + 1e-5   # the columns over the second tile, past the area
    assert east.sum() >= 5 and np.isfinite(cube.values[:, east]).all(), np.isnan(cube.values[:, east]).mean()


def test_no_area_and_no_geobox_is_a_config_error(mirror):
    with pytest.raises(ConfigError, match="area"):
        off.open(None, 2024, source=mirror.root)
