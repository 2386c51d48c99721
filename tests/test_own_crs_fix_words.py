"""An input that says its own CRS beside another `crs=` is refused naming the fix of a wrong own CRS that the input
has: a GeoJSON dict's is its `crs` member (drop it, then `crs=` holds); a vector file's is written into the file
(`gpd.read_file(path).set_crs(...).to_file(path)`, which a user of `aef evaluate --crs` can run too). Was: both named
`gdf.set_crs('EPSG:32632', allow_override=True)` (a raster: `aef.geo.write_crs(labels, ...)`): a dict has no
`set_crs`, and the user of a path holds no GeoDataFrame (review44)."""
import pytest

from alphaearth_nb.core import GridError
from alphaearth_nb.geometries import read_geometries

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")
UTM31 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32631"}}   # GeoJSON 2008's crs member


def _square(x=500000.0, y=4649000.0, d=60.0):
    return shapely.geometry.box(x, y, x + d, y + d)


def test_a_dict_names_its_crs_member():
    fc = {"type": "FeatureCollection", "crs": UTM31,
          "features": [{"type": "Feature", "properties": {"class": 1}, "geometry": _square().__geo_interface__}]}
    with pytest.raises(GridError) as e:
        read_geometries(fc, crs="EPSG:32632")
    msg = str(e.value)
    assert "EPSG:32631" in msg and "drop the dict's `crs` member" in msg and "set_crs" not in msg, msg
    fc.pop("crs")   # the fix, as said: crs= holds
    assert read_geometries(fc, crs="EPSG:32632").crs.to_epsg() == 32632


def test_a_file_names_the_fix_written_into_the_file(tmp_path):
    path = tmp_path / "fields.gpkg"
    gpd.GeoDataFrame({"class": [1]}, geometry=[_square()], crs="EPSG:32631").to_file(path)
    with pytest.raises(GridError) as e:
        read_geometries(path, crs="EPSG:32632")
    msg = str(e.value)
    fix = f"gpd.read_file({str(path)!r}).set_crs('EPSG:32632', allow_override=True).to_file({str(path)!r})"
    assert fix in msg and "gdf.set_crs" not in msg, msg
    eval(fix, {"gpd": gpd})   # the fix, as said: the file now says the CRS crs= names
    assert read_geometries(path, crs="EPSG:32632").crs.to_epsg() == 32632


def test_a_geodataframe_keeps_its_set_crs():
    gdf = gpd.GeoDataFrame({"class": [1]}, geometry=[_square()], crs="EPSG:32631")
    with pytest.raises(GridError, match=r"`gdf.set_crs\('EPSG:32632', allow_override=True\)`"):
        read_geometries(gdf, crs="EPSG:32632")
