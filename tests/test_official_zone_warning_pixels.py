"""official.open warns of another UTM zone's tiles warped onto its grid only where they give the grid pixels: a
pixel centre on none of the grid zone's own tiles (whose pixels `mosaic` takes first). On the local mirror the tiles
of zones 31N and 32N overlap in longitude across 6 deg E (31N's reach 6.0027, 32N's begin at 5.9972), so an area
within both is read from both; where the grid zone's tiles cover every pixel, the other's add none. Was: the
GridWarning 'the tiles of EPSG:32632 are warped onto this grid in EPSG:32631 ...' for every such area (4 of the 4
quiet cases below), while no pixel of the result came from the zone it named."""
import warnings

import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")

from alphaearth_nb import official as off
from alphaearth_nb.core import GridWarning
from alphaearth_nb import mirrors
from alphaearth_nb.testing import warned

BOTH = (5.9975, 44.999, 5.9995, 45.003)    # within both zones' tiles, west of 6 deg E
EAST = (6.0005, 44.999, 6.0025, 45.003)    # within both, east of 6 deg E
EDGE = (5.9995, 44.999, 6.0025, 45.003)    # its last column past 31N's tiles (one column from 32N's)
CASES = {"31N grid within both": (BOTH, dict(crs="EPSG:32631"), False),
         "20 m grid within both": (BOTH, dict(resolution=20), False),
         "32N grid within both": (BOTH, dict(crs="EPSG:32632"), False),
         "32N grid east of 6E": (EAST, dict(crs="EPSG:32632"), False),
         "31N grid past its tiles": (EDGE, dict(crs="EPSG:32631"), True)}


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2024,), samples=shared_data / "aef_samples")


def pixels_from_another_zone(area, src, crs=None, resolution=None) -> int:
    "Pixels of the mosaic that come from a zone other than the grid's: the grid zone's part alone leaves them empty."
    geom = off.area_of(area)
    t, gb = off.tiles(geom, [2024], src), off.grid_for(geom, crs, resolution)
    parts = []
    for z in t["crs"].unique():
        c = off.dequantize(off.zone_cube(t[t["crs"] == z], off.geobox_area(gb), [2024], 32, pad=2))
        c.attrs = {"crs": z}
        parts.append(c)
    own = [p for p in parts if off.same_crs(p.attrs["crs"], gb.crs.wkt)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        full, alone = off.mosaic(parts, gb).compute(), off.mosaic(own, gb).compute()
    return int((alone.isnull().all("band") & full.notnull().all("band")).sum())


@pytest.mark.parametrize("case", list(CASES))
def test_warned_only_where_another_zone_gives_pixels(mirror, case):
    area, kw, warns = CASES[case]
    cube, said = warned(off.open, area, 2024, source=mirror.root, chunks=32, category=GridWarning, **kw)
    assert (pixels_from_another_zone(area, mirror.root, **kw) > 0) == warns   # the ground truth of each case
    assert bool(said) == warns, said
    if warns: assert "EPSG:32632" in said[0], said


def test_warped_zones_names_the_zone_giving_pixels(mirror):
    geom = off.area_of(EDGE)
    t = off.tiles(geom, [2024], mirror.root)
    assert mirrors.warped_zones(t, off.grid_for(geom, "EPSG:32631", None)) == ["EPSG:32632"]
    assert mirrors.warped_zones(t, off.grid_for(geom, "EPSG:32632", None)) == []   # 32N's tiles cover it whole
    geom = off.area_of((5.992, 44.999, 5.999, 45.003))   # west of 32N's tiles (from 5.9972)
    assert mirrors.warped_zones(off.tiles(geom, [2024], mirror.root), off.grid_for(geom, "EPSG:32632", None)) == ["EPSG:32631"]
    geom = off.area_of(BOTH)
    assert mirrors.warped_zones(off.tiles(geom, [2024], mirror.root), off.grid_for(geom, "EPSG:32631", None)) == []
