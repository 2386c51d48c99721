"""Training labels off a projected map are named in the units they were given in, and only those: points in the map's
own CRS (a GeoDataFrame without a CRS label read with `crs=` the map's, a vector file written in it) keep the grid's
x/y alone. Was: 'first: lon 8.07872995, lat 45.0403606 (EPSG:4326), x=900000, y=4999995 in the grid's CRS' for a
point the user typed as x=900000 in EPSG:32631 (supervised._as_given fell back to lon/lat wherever it had no CRS
the points came in; label_table's x/y, in the grid's CRS, had lost it). Points given in lon/lat or another CRS are
still named in theirs beside the grid's."""
import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer

from alphaearth_nb import analysis
from alphaearth_nb.core import LabelError
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")

UTM = embedding_from_array(random_unit((4, 5), seed=2), coords=grid_coords(4, 5, 500_000., 5_000_000.), crs="EPSG:32631")
XS, YS = np.array([500_005.0, 500_015.0, 900_000.0]), np.array([4_999_995.0, 4_999_985.0, 4_999_995.0])   # the last off


def _points(crs=None):
    return gpd.GeoDataFrame({"label": [0, 1, 0]}, geometry=gpd.points_from_xy(XS, YS), crs=crs)


def _message(labels, **kw) -> str:
    with pytest.raises(LabelError) as e:
        analysis.classify(UTM, labels, **kw)
    return str(e.value)


def _grid_words_only(msg):
    assert "first: x=900000.0, y=4999995.0; grid x in [500000.0, 500050.0]" in msg, msg
    assert "lon" not in msg and "EPSG:4326" not in msg, msg


@pytest.mark.parametrize("how", ["gdf read with crs=", "gpkg in the map's CRS", "gdf labelled", "x/y with crs="])
def test_points_in_the_maps_crs_keep_the_grids_words(tmp_path, how):
    if how == "gdf read with crs=": msg = _message(_points(), crs="EPSG:32631")
    elif how == "gpkg in the map's CRS":
        _points("EPSG:32631").to_file(tmp_path / "p.gpkg")
        msg = _message(str(tmp_path / "p.gpkg"))
    elif how == "gdf labelled": msg = _message(_points("EPSG:32631"))
    else: msg = _message(pd.DataFrame({"x": XS, "y": YS, "label": [0, 1, 0]}), crs="EPSG:32631")
    _grid_words_only(msg)


def test_points_in_another_crs_are_named_in_it(tmp_path):
    lon, lat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(XS, YS)
    ll = gpd.GeoDataFrame({"label": [0, 1, 0]}, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    ll.to_file(tmp_path / "p.geojson")
    for labels in (str(tmp_path / "p.geojson"), pd.DataFrame({"lon": lon, "lat": lat, "label": [0, 1, 0]})):
        msg = _message(labels)
        assert f"first: lon {lon[2]:.9g}, lat {lat[2]:.9g} (EPSG:4326), x=900000, y=4999995 in the grid's CRS" in msg, msg
    mx, my = Transformer.from_crs("EPSG:32631", "EPSG:3857", always_xy=True).transform(XS, YS)
    merc = gpd.GeoDataFrame({"label": [0, 1, 0]}, geometry=gpd.points_from_xy(mx, my), crs="EPSG:3857")
    msg = _message(merc)
    assert f"first: x={mx[2]:.9g}, y={my[2]:.9g} (EPSG:3857)" in msg and "lon" not in msg, msg
