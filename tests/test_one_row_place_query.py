"""A similarity query that is a table of one place (a row of the user's points: lon/lat or x/y columns in any
order, beside an id, a name or a label, or a WKT geometry column; a dict of one-element arrays) is that place, read
by its column names as `sample` reads the same table. Was: its cells read by position as one vector or a pair:
`df[['lat', 'lon']]` PointError 'longitude and latitude look swapped' (the user had not swapped them), a row with an
id or label 'got 3 values ... against the map's vectors of 64', a row with a name or a WKT geometry 'holds text, not
numbers ... cast them: `row.astype('float32')`' (no fix), `{'lon': [..], 'lat': [..]}` the same; and the refusal of
several rows told the user to `df.iloc[[0]]`, which then failed so."""
import warnings

import numpy as np
import pandas as pd
import pyproj
import pytest

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import DimensionError, PointError
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 8), seed=4))   # EPSG:32631, 10 m pixels
R, C = 2, 5
X, Y = float(E.x[C]), float(E.y[R])
LON, LAT = pyproj.Transformer.from_crs(32631, 4326, always_xy=True).transform(X, Y)
WANT = similarity(E, E.values[R, C]).values   # the map of the pixel's own vector

ROWS = {
    "lat, lon": pd.DataFrame({"lat": [LAT], "lon": [LON]}),
    "y, x": pd.DataFrame({"y": [Y], "x": [X]}),
    "id, x, y": pd.DataFrame({"id": [7], "x": [X], "y": [Y]}),
    "lon, lat, label": pd.DataFrame({"lon": [LON], "lat": [LAT], "label": [1]}),
    "Longitude, Latitude, name": pd.DataFrame({"Longitude": [LON], "Latitude": [LAT], "name": ["field 3"]}),
    "WKT geometry": pd.DataFrame({"geometry": [f"POINT ({LON} {LAT})"], "label": ["crop"]}),
    "dict of 1-element arrays": {"lon": np.array([LON]), "lat": np.array([LAT])},
}


@pytest.mark.parametrize("name", list(ROWS))
def test_a_one_row_table_of_a_place_is_that_place(name):
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # read as given: no swap, no warning
        got = similarity(E, ROWS[name])
    np.testing.assert_allclose(got.values, WANT, atol=1e-6)
    assert float(got[R, C]) == pytest.approx(1.0)


def test_the_one_row_fix_of_several_rows_runs():
    df = pd.DataFrame({"lon": [LON, LON], "lat": [LAT, LAT], "label": [1, 2]})
    with pytest.raises(DimensionError, match=r"df\.iloc\[\[0\]\]"):
        similarity(E, df)
    np.testing.assert_allclose(similarity(E, df.iloc[[0]]).values, WANT, atol=1e-6)   # the fix it names


def test_a_one_row_table_off_the_map_is_a_point_error_naming_the_swap():
    with pytest.raises(PointError, match="swapped"):
        similarity(E, pd.DataFrame({"lon": [LAT], "lat": [LON], "id": [1]}))   # really swapped: said so
