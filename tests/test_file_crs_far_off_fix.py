"""A vector file whose own CRS puts its shapes far outside that CRS's area (GeoJSON of UTM metres without a `crs`
member, which GDAL reads as RFC 7946's EPSG:4326) is refused naming the fix a file has, the CRS written into it
(`gpd.read_file(path).set_crs(...).to_file(path)`, as a file that says no CRS is told), which then reads. Was: 'pass
the CRS they are in (`crs=`, or `gdf.set_crs(..., allow_override=True)`)': `crs=` beside the file's own CRS is
refused next ('the file's geometries say their CRS, EPSG:4326, and crs= names another'), and a path's user holds no
GeoDataFrame. Shapes given with crs= keep the old words."""
import json

import pytest

from alphaearth_nb.core import GridError
from alphaearth_nb.geometries import read_geometries

gpd = pytest.importorskip("geopandas")
SQUARE = [[[500000, 4649000], [500060, 4649000], [500060, 4649060], [500000, 4649000]]]   # UTM 31N metres


def test_a_file_of_metres_read_as_degrees_names_the_file_fix(tmp_path):
    path = tmp_path / "fields.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [   # RFC 7946: no crs member
        {"type": "Feature", "properties": {"label": 1}, "geometry": {"type": "Polygon", "coordinates": SQUARE}}]}))
    with pytest.raises(GridError) as e:
        read_geometries(path)
    msg = str(e.value)
    fix = f"gpd.read_file({str(path)!r}).set_crs('EPSG:32631', allow_override=True).to_file({str(path)!r})"
    assert "far outside the area of use" in msg and fix in msg and "gdf.set_crs" not in msg, msg
    eval(fix, {"gpd": gpd})   # the fix, as said: the file now says its CRS
    got = read_geometries(path)
    assert got.crs.to_epsg() == 32631 and got.total_bounds[0] == 500000


def test_shapes_given_keep_the_crs_words():
    gdf = gpd.GeoDataFrame({"label": [1]}, geometry=gpd.points_from_xy([500000], [4649000]), crs="EPSG:27700")
    with pytest.raises(GridError, match=r"pass the CRS they are in \(`crs=`, or `gdf.set_crs"):
        read_geometries(gdf)
