"""official.open onto a grid of no zone (crs='EPSG:4326' or 'EPSG:3857') over an area across 6 deg E, where the
tiles of UTM zones 31N and 32N both give it pixels, says so as the UTM case does: a GridWarning naming both zones,
`official.sample_points` for the vectors at points and a zone's own CRS. Over one zone's tiles alone it says
nothing (a warp asked for). Was (queue s44 hunt): silent, though a point's vector there had cosine 0.62-0.69
against sample_points' (down to 0.01 on this mirror)."""
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")

from alphaearth_nb import official as off
from alphaearth_nb.core import GridWarning
from alphaearth_nb.testing import warned

ACROSS = (5.995, 44.999, 6.004, 45.003)   # straddles 6 deg E, the edge of UTM zones 31N and 32N
WEST = (5.990, 44.999, 5.995, 45.003)     # zone 31N's tiles alone
GRIDS = {"lonlat": dict(crs="EPSG:4326", resolution=0.0001), "web mercator": dict(crs="EPSG:3857", resolution=14.14)}   # 10 m on the ground at 45 N


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2024,), samples=shared_data / "aef_samples")


@pytest.mark.parametrize("resampling", ["nearest", "average"])
@pytest.mark.parametrize("grid", list(GRIDS))
def test_two_zones_warped_onto_a_grid_of_no_zone_are_said(mirror, grid, resampling):
    _, said = warned(off.open, ACROSS, 2024, source=mirror.root, chunks=32, resampling=resampling,
                     category=GridWarning, **GRIDS[grid])
    assert len(said) == 1, said
    assert "EPSG:32631, EPSG:32632" in said[0] and GRIDS[grid]["crs"] in said[0] and "sample_points" in said[0], said
    assert f"{resampling!r} resampling" in said[0] and "crs='EPSG:32631'" in said[0], said


@pytest.mark.parametrize("grid", list(GRIDS))
def test_one_zones_tiles_warped_as_asked_say_nothing(mirror, grid):
    _, said = warned(off.open, WEST, 2024, source=mirror.root, chunks=32, resampling="nearest", category=GridWarning,
                     **GRIDS[grid])
    assert said == [], said
