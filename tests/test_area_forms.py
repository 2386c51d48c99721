"""An area given as a GeoJSON dict (geometry, Feature, FeatureCollection: RFC 7946, lon/lat) or WKT text opens the
same official cube as the bbox it covers (a local mirror of real official vectors); an area in no form an area takes
(three numbers, a dict of other keys, text that is no WKT) is a ConfigError naming the forms. Was: ValueError
'could not convert string to float: 'type'' (GeoJSON), 'not enough values to unpack' (three numbers)."""
import numpy as np
import pytest

pytest.importorskip("rioxarray")
shapely = pytest.importorskip("shapely")

from alphaearth_nb import official
from alphaearth_nb.core import ConfigError

BBOX = (5.988, 44.9995, 6.006, 45.0045)   # the README's area, in the local mirror's tiles


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return official.build_local_mirror(tmp_path_factory.mktemp("m") / "mirror", years=(2024,)).root


def test_geojson_and_wkt_areas_open_the_bbox_cube(mirror):
    want = official.open(BBOX, 2024, crs="EPSG:32631", source=mirror).compute()
    poly = shapely.geometry.box(*BBOX)
    geom = shapely.geometry.mapping(poly)
    geom = {"type": geom["type"], "coordinates": [[list(p) for p in ring] for ring in geom["coordinates"]]}
    feature = {"type": "Feature", "properties": {"name": "field"}, "geometry": geom}
    for area in (geom, feature, {"type": "FeatureCollection", "features": [feature]}, poly.wkt):
        got = official.open(area, 2024, crs="EPSG:32631", source=mirror).compute()
        assert got.shape == want.shape
        np.testing.assert_array_equal(got.values, want.values)


@pytest.mark.parametrize("area", [(5.988, 44.9995, 6.006), {"west": 5.988}, {"type": "Polygon"}, "POLYGON ((5 45"])
def test_areas_of_no_form_are_named(area):
    with pytest.raises(ConfigError, match=r"GeoJSON|bbox"):
        official.tiles(area, [2024], source="/nonexistent")
