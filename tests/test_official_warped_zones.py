"""official.open onto a grid in one UTM zone over tiles of another (an area across 6 deg E, crs='EPSG:32631') says
so with a GridWarning naming the warped zone and `official.sample_points` for the vectors at points, whose values
there differ from the mosaic's (the point's own tile pixel, not a resampling); a grid in the tiles' own zone, or in
lon/lat over one zone's tiles (a warp asked for), says nothing. Was (queue s42): silent, cosine down to 0.62 between the
two on the local mirror (-0.09 on this one) past the zone's edge."""

import numpy as np
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
from pyproj import Transformer

from alphaearth_nb import official as off
from alphaearth_nb.core import GridWarning
from alphaearth_nb.testing import warned

ACROSS = (5.995, 44.999, 6.004, 45.003)   # straddles 6 deg E, the edge of UTM zones 31N and 32N
WEST = (5.990, 44.999, 5.995, 45.003)     # zone 31N's tiles alone


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2024,), samples=shared_data / "aef_samples")


def _grid_warnings(**kw): return warned(off.open, kw.pop("area"), 2024, chunks=32, category=GridWarning, **kw)


def test_another_zones_tiles_warped_onto_a_utm_grid_are_said(mirror):
    cube, said = _grid_warnings(area=ACROSS, source=mirror.root, crs="EPSG:32631")
    assert len(said) == 1 and "EPSG:32632" in said[0] and "sample_points" in said[0], said
    assert "crs='EPSG:32632'" in said[0], said
    # what it warns of: past 6 deg E the mosaic's vectors are not the points' own (sample_points')
    m = cube.isel(time=0).compute()
    X, Y = np.meshgrid(m.x.values, m.y.values)
    lon, lat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(X.ravel(), Y.ravel())
    east = lon > 6.0
    pts = off.sample_points((lon[east], lat[east]), 2024, source=mirror.root)
    own = pts[[f"A{i:02d}" for i in range(64)]].to_numpy()
    cos = (own * m.values.reshape(-1, 64)[east]).sum(1)
    assert np.nanmin(cos) < 0.7, np.nanmin(cos)


@pytest.mark.parametrize("kw", [dict(area=WEST, crs="EPSG:32631"),                     # the tiles' own zone
                                dict(area=WEST, crs="EPSG:4326", resolution=0.0001)],  # one zone's tiles warped, as asked
                         ids=["own zone", "lonlat"])   # across zones onto lon/lat: warned (test_official_lonlat_zones)
def test_no_word_where_no_zone_is_warped_onto_another(mirror, kw):
    cube, said = _grid_warnings(source=mirror.root, **kw)
    assert said == [], said
