"""A pixel size in the CRS's other unit (newcomer, s49): `official.open(bbox, 2024, crs="EPSG:4326", resolution=10)`
(10 metres meant, 10 degrees read) ran minutes into a MemoryError, `crs="EPSG:32631", resolution=0.0001` (degrees
meant) hung. Each is now a ConfigError before any tile is read, naming the unit the CRS wants (`grids.check_grid_size`,
at `grid_for` and for a `geobox=`)."""
import time

import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")

from alphaearth_nb import official as off  # noqa: E402
from alphaearth_nb.core import ConfigError  # noqa: E402
from alphaearth_nb.grids import MAX_PIXELS, check_grid_size  # noqa: E402

BBOX = (5.985, 44.9995, 5.9995, 45.0045)   # about 1.2 x 0.6 km, on the sample mirror's tiles


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=2024, samples=shared_data / "aef_samples")


@pytest.mark.parametrize("crs, res, want", [
    ("EPSG:4326", 10, "10 looks like metres; in EPSG:4326 resolution is in degrees, e.g. 0.0001"),
    ("EPSG:4326", (10, -10), "10 looks like metres; in EPSG:4326 resolution is in degrees"),
    ("EPSG:32631", 0.0001, "0.0001 looks like degrees; in EPSG:32631 resolution is in metres, e.g. 10"),
    ("EPSG:3857", 1e-4, "looks like degrees; in EPSG:3857 resolution is in metres")])
def test_a_size_in_the_other_unit_is_refused_before_any_read(mirror, monkeypatch, crs, res, want):
    read = []
    monkeypatch.setattr(off, "open_tile", lambda *a, **k: read.append(a) or pytest.fail("a tile was read"))
    t = time.perf_counter()
    with pytest.raises(ConfigError) as e: off.open(BBOX, 2024, crs=crs, resolution=res, source=mirror.root)
    assert want in str(e.value), e.value
    assert not read and time.perf_counter() - t < 60


def test_grid_for_refuses_alike_and_keeps_right_sizes():
    with pytest.raises(ConfigError, match="looks like metres"): off.grid_for(BBOX, "EPSG:4326", 10)
    assert off.grid_for(BBOX, "EPSG:4326", 0.0001).shape == (50, 145)
    assert off.grid_for(BBOX, "EPSG:32631", 30).shape[0] >= 20


def test_a_grid_past_the_cap_names_its_size_and_the_fix(mirror):
    from odc.geo.geobox import GeoBox
    with pytest.raises(ConfigError, match="pixels a year"): off.grid_for((-10, 35, 30, 60), "EPSG:3035", 1.0)
    world = GeoBox.from_bbox((3e6, 1.5e6, 6e6, 4e6), "EPSG:3035", resolution=1.0)   # metres as meant: 7.5e12 pixels
    with pytest.raises(ConfigError) as e: off.open(None, 2024, geobox=world, source=mirror.root)
    assert "pixels a year, over the" in str(e.value) and "a coarser resolution" in str(e.value), e.value
    rows, cols = world.shape
    assert f"makes a grid of {cols:,} x {rows:,} = " in str(e.value) and rows * cols > MAX_PIXELS   # width x height


def test_one_pixel_past_a_small_area_in_its_own_unit_is_kept():
    assert check_grid_size((10, 10), (4, 4), "EPSG:32631") == (1, 1)


def test_a_coarse_grid_over_a_vast_area_is_refused_before_reading_its_tiles(mirror, monkeypatch):
    "0.5-degree pixels over 20 x 20 degrees: 1,600 pixels out, but ~4e12 of the tiles' 10 m pixels read under them."
    monkeypatch.setattr(off, "open_tile", lambda *a, **k: pytest.fail("a tile was read"))
    with pytest.raises(ConfigError) as e: off.open((-4, 35, 16, 55), 2024, crs="EPSG:4326", resolution=0.5, source=mirror.root)
    assert "warped from the tiles' 10 m pixels, read in" in str(e.value) and "open a smaller area" in str(e.value), e.value
