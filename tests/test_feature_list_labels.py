"""A list of GeoJSON Feature dicts (`fc['features']`, `[f.__geo_interface__ for f in ...]`) given as labels is read
as their FeatureCollection (`points.as_geojson`), as `sample` and `similarity` read it: the properties become
columns and the label column is chosen as for a GeoDataFrame (`column=`, default 'label'); a `year` property picks
the rows of the map's year, as a table's `year` column does. Was (main 44c31170): `LabelError` 'labels must be a
DataArray on the grid, a (Geo)DataFrame, a vector file or a dict of arrays, got list' (field case C2-v39)."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")
pytest.importorskip("geopandas")

IDS = [1101000000, 2501000000, 4102000040]   # WorldCereal ewoc_codes: beyond int32
ROWS = [(2, 0, 0), (1, 1, 0), (0, 2, 1), (1, 3, 1), (4, 4, 2), (3, 3, 2)]   # (row, column, class) of each labelled pixel


def _features(e, props):
    to_ll = pyproj.Transformer.from_crs(e.attrs["crs"], 4326, always_xy=True).transform
    return [{"type": "Feature", "properties": props(k),
             "geometry": {"type": "Point", "coordinates": list(to_ll(float(e.x[c]), float(e.y[r])))}}
            for r, c, k in ROWS]


@pytest.mark.parametrize("method", ["knn", "linear"])
def test_a_list_of_features_is_labels_by_its_properties(method):
    e = embedding_from_array(random_unit((5, 5), seed=11))
    feats = _features(e, lambda k: {"ewoc_code": IDS[k], "name": f"field {k}"})
    out = e.aef.classify(feats, method=method, k=1, column="ewoc_code")["class"]
    assert out.dtype == np.int64
    assert [int(out.values[r, c]) for r, c, _ in ROWS] == [IDS[k] for *_, k in ROWS]
    fc = e.aef.classify({"type": "FeatureCollection", "features": feats}, method=method, k=1, column="ewoc_code")
    np.testing.assert_array_equal(out.values, fc["class"].values)   # one reading with the dict


def test_the_label_column_is_label_by_default_and_a_year_property_picks_the_maps_year():
    e = embedding_from_array(random_unit((5, 5), seed=11)).assign_coords(time=pd.Timestamp("2024-01-01"))
    feats = _features(e, lambda k: {"label": k + 1})
    out = e.aef.classify(feats, k=1)["class"]
    assert [int(out.values[r, c]) for r, c, _ in ROWS] == [k + 1 for *_, k in ROWS]
    other_year = _features(e, lambda k: {"label": 9, "year": 2023})   # pixels of another year: left out
    mixed = [dict(f, properties={**f["properties"], "year": 2024}) for f in feats] + other_year
    with pytest.warns(UserWarning, match="2023"):
        got = e.aef.classify(mixed, k=1)["class"]
    np.testing.assert_array_equal(got.values, out.values)
