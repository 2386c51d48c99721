"""official.open's words where the fix they offered cannot help. A coarse grid over a vast area (0.5-degree pixels
over 20 x 20 degrees) is refused before any tile is read, since the tiles are read at 10 m under it; the refusal
offered 'a coarser resolution', which reads as many tile pixels. It now offers a smaller area or the area tile by
tile, with code that runs (`open_tile` for each `href` of `tiles`). A grid finer than the tiles' (1 m) keeps the
coarser resolution, which helps there. The latitude-first bbox words ran the swapped bbox into 'official tiles cover
it' without a break."""
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")

import alphaearth_nb as aef  # noqa: E402
from alphaearth_nb import official as off  # noqa: E402
from alphaearth_nb.core import ConfigError, NoTilesError  # noqa: E402
from alphaearth_nb.grids import check_grid_size  # noqa: E402

RIGHT = (5.995, 44.999, 6.004, 45.003)   # lon/lat: the sample mirror's tiles cover it


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=2024, samples=shared_data / "aef_samples")


def test_a_vast_area_under_a_coarse_grid_is_not_told_a_coarser_resolution(mirror, monkeypatch):
    monkeypatch.setattr(off, "open_tile", lambda *a, **k: pytest.fail("a tile was read"))
    with pytest.raises(ConfigError) as e:
        off.open((-4, 35, 16, 55), 2024, crs="EPSG:4326", resolution=0.5, source=mirror.root)
    said = str(e.value)
    assert "warped from the tiles' 10 m pixels, read in" in said and "coarser resolution" not in said, said
    assert "open a smaller area" in said and "tile by tile" in said, said
    assert "`aef.official.open_tile(href)`" in said and "`aef.official.tiles(area, years)`" in said, said


def test_the_tile_by_tile_read_it_names_runs(mirror):
    area, years = RIGHT, 2024
    got = [aef.official.open_tile(href) for href in aef.official.tiles(area, years, source=mirror.root)["href"]]
    assert got and all(t.dims == ("y", "x", "band") and t.sizes["band"] == 64 and t.chunks is not None for t in got)


def test_a_grid_finer_than_the_tiles_keeps_the_coarser_resolution():
    with pytest.raises(ConfigError, match="a coarser resolution"):   # 1 m over 200 x 200 km: 4e10 pixels out
        off.grid_for((5.0, 44.0, 7.5, 45.8), "EPSG:32631", 1.0)
    with pytest.raises(ConfigError, match="read by parts") as e:
        check_grid_size((1, 1), (2e5, 2e5), "EPSG:32631", fix="read by parts")
    assert "coarser" not in str(e.value)


def test_the_swapped_bbox_words_break_before_what_covers_it(mirror):
    with pytest.raises(NoTilesError) as e: off.tiles((44.999, 5.995, 45.003, 6.004), 2024, source=mirror.root)
    assert "= (5.995, 44.999, 6.004, 45.003); official tiles cover it: pass that bbox" in str(e.value), e.value
