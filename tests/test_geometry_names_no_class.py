"""A GeoDataFrame of training polygons, one polygon a class (the usual hand-drawn set): its geometry column names no
class. Was: labels._namings read the geometry column (dtype kind 'O') as text naming the ids one to one, so classify's
flag_meanings and year_vectors' label_name were each polygon's WKT ('POLYGON_((600060_4999900,_...')."""
import warnings

import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.labels import id_names
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.trained_year import year_vectors

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box  # noqa: E402


def _set():
    e = embedding_from_array(random_unit((20, 20), seed=1)).assign_attrs(crs="EPSG:32631")
    x, y, r = e.x.values, e.y.values, abs(float(e.x[1] - e.x[0]))
    pol = gpd.GeoDataFrame({"label": [1, 2]}, crs=32631, geometry=[
        box(x[1] - r / 2, y[3], x[3], y[1] + r / 2), box(x[10] - r / 2, y[13], x[13], y[10] + r / 2)])
    return e, pol


def test_a_geometry_column_names_no_class():
    e, pol = _set()
    assert id_names(pol, "label") is None
    assert id_names(pol.assign(name=["crop", "forest"]), "label") == {1: "crop", 2: "forest"}   # a text column does
    assert id_names(pd.DataFrame({"label": [1, 2], "v": [[1], [2]]}), "label") is None        # lists name none
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        meanings = aef.classify(e, pol, k=1)["class"].attrs.get("flag_meanings", "")
        cube = xr.concat([e, e], dim="time").assign_coords(time=pd.to_datetime(["2023-01-01", "2024-01-01"]))
        out = year_vectors(cube.assign_attrs(crs="EPSG:32631"), pol, year=2024)
    assert "POLYGON" not in meanings, meanings
    assert "label_name" not in out.columns or not out["label_name"].str.contains("POLYGON").any()
