"""A similarity query given as a numpy array or a pandas Series of ONE place (`np.array(['POINT (x y)'])`,
`gdf.geometry.to_wkt()` of one row, an array of one GeoJSON text, an object array of one shapely Point) is that
point, as a list of one is and as `sample` reads them (`points.one_item`); an array or Series of several such texts
is the refusal of several places naming how many and `sample`, the door of many points. Was (main 44c31170):
DimensionError 'a similarity query holds text, not numbers (Unable to parse string 'POINT (500035.0 5000025.0)' at
position 0)' for each (field cases A4-v31, A4-v36, B3-v22)."""
import json

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")
shapely = pytest.importorskip("shapely")


def _map():
    e = embedding_from_array(random_unit((5, 6), seed=4))
    x, y = float(e.x[3]), float(e.y[2])
    lon, lat = pyproj.Transformer.from_crs(e.attrs["crs"], 4326, always_xy=True).transform(x, y)
    return e, x, y, lon, lat


def test_an_array_or_series_of_one_place_is_that_point():
    e, x, y, lon, lat = _map()
    want = e.aef.similarity((x, y), crs=e.attrs["crs"]).values
    assert np.nanargmax(want) == 2 * 6 + 3 and abs(want[2, 3] - 1) < 1e-6   # the pixel itself
    wkt = f"POINT ({x} {y})"
    for q in (np.array([wkt]), pd.Series([wkt]), pd.Series([wkt], index=[7]), np.array([wkt], dtype=object),
              np.array([shapely.Point(x, y)], dtype=object), pd.Series([shapely.Point(x, y)])):
        np.testing.assert_allclose(e.aef.similarity(q, crs=e.attrs["crs"]).values, want, err_msg=repr(q))
    q = np.array([json.dumps({"type": "Point", "coordinates": [lon, lat]})])   # GeoJSON: lon/lat, RFC 7946
    np.testing.assert_allclose(e.aef.similarity(q).values, want, atol=1e-6)


@pytest.mark.parametrize("kind, make", [
    ("WKT texts", lambda pts: np.array([f"POINT ({a} {b})" for a, b in pts])),
    ("WKT texts", lambda pts: pd.Series([f"POINT ({a} {b})" for a, b in pts])),
    ("GeoJSON texts", lambda pts: np.array([json.dumps({"type": "Point", "coordinates": [a, b]}) for a, b in pts])),
    ("shapely geometries", lambda pts: np.array([shapely.Point(a, b) for a, b in pts], dtype=object)),
])
def test_several_are_refused_naming_how_many_and_sample(kind, make):
    e, x, y, _, _ = _map()
    q = make([(x, y), (x + 10, y), (x, y - 10)])
    with pytest.raises(DimensionError, match=f"got 3 places \\({kind}\\).*emb.aef.sample\\(pts\\)"):
        e.aef.similarity(q, crs=e.attrs["crs"])
