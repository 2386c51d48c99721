"""`official.open` over an area whose tiles come from two UTM zones (README's box, west of 6 E: the local mirror
holds a zone-32N tile under its eastern margin) mosaics them onto the grid asked for; where that grid IS one zone's
own (its CRS, 10 m, on the tiles' lines) that zone's tiles are copied, not resampled: the default 'average' gives
the tiles' own values bit for bit, as 'nearest' and `read_official_tiff` do (s49 newcomer: 'average' renormalised
them on their own grid, up to 1.7e-3 off a tile's values). A grid that is not theirs is still resampled."""
import numpy as np
import pytest

pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
from alphaearth_nb import official
from alphaearth_nb.embeddings import read_official_tiff
from alphaearth_nb.mirrors import area_of

BOX = (5.985, 44.9995, 5.9995, 45.0045)   # README's box


@pytest.fixture(scope="module")
def two_zones(own_grid):
    t = official.tiles(area_of(BOX), [2024], own_grid.mirror.root)
    assert sorted(t["crs"].unique()) == ["EPSG:32631", "EPSG:32632"]   # so `open` mosaics (no single zone's read)
    return own_grid.mirror.root, t


def _open(src, **kw):
    return official.open(BOX, 2024, source=src, chunks=32, **kw).isel(time=0).compute()


@pytest.mark.parametrize("kw", [{}, {"crs": "EPSG:32631"}, {"crs": 32631, "resolution": 10}], ids=["default", "crs", "int"])
def test_a_zones_own_grid_is_its_tiles_values(two_zones, kw):
    src, t = two_zones
    got, near = _open(src, **kw), _open(src, crs="EPSG:32631", resampling="nearest")
    np.testing.assert_array_equal(got.values, near.values)   # bit for bit, NaN where NaN
    seen = 0
    for href in t.loc[t["crs"] == "EPSG:32631", "href"]:
        tile = read_official_tiff(href)
        xs, ys = np.intersect1d(got.x.values, tile.x.values), np.intersect1d(got.y.values, tile.y.values)
        if len(xs) and len(ys):
            a = got.sel(x=xs, y=ys).transpose("y", "x", "band").values
            b = tile.sel(x=xs, y=ys).transpose("y", "x", "band").values
            np.testing.assert_array_equal(a, b)
            seen += a.shape[0] * a.shape[1]
    assert seen > 1000


def test_a_grid_of_another_pixel_still_resamples(two_zones):
    src, _ = two_zones
    gb = official.grid_for(area_of(BOX), "EPSG:32631", None)
    from odc.geo.geobox import GeoBox
    from affine import Affine
    half = GeoBox(gb.shape, Affine(*gb.affine[:2], gb.affine.c + 5.0, *gb.affine[3:6]), gb.crs)   # half a pixel east
    avg = official.open(None, 2024, source=src, geobox=half, chunks=32).isel(time=0).compute()
    near = official.open(None, 2024, source=src, geobox=half, chunks=32, resampling="nearest").isel(time=0).compute()
    ok = np.isfinite(avg.values).all(-1)
    assert ok.mean() > 0.5 and np.abs(np.linalg.norm(avg.values[ok], axis=-1) - 1).max() < 1e-5   # renormalised
    assert np.abs(avg.values[ok] - near.values[ok]).max() > 1e-3   # averaged across pixels, not copied


@pytest.mark.parametrize("kw", [{}, {"crs": "EPSG:32631"}], ids=["default", "crs"])
def test_its_own_pixels_are_not_said_resampled(two_zones, kw):
    """attrs['resampled'] said "the tiles' 10 m pixels warped onto this grid" of README's box, whose pixels are the
    31N tiles' own bit for bit (the 32N tile gives none: s56 tut). Said only where some zone's tiles are warped."""
    src, _ = two_zones
    assert "resampled" not in official.open(BOX, 2024, source=src, chunks=32, **kw).attrs
    assert "warped onto this grid" in official.open(BOX, 2024, source=src, chunks=32, crs="EPSG:32632").attrs["resampled"]
