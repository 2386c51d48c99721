"""A table of points as Earth Engine exports it (`Export.table` / a CSV of `sampleRegions`: `system:index`, the
properties, and each row's geometry as GeoJSON text in `.geo`) is read by its `.geo` column. Was refused by
classify ('lacks columns x, y') and sample ('no lon/lat or x/y columns')."""
import json

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelError, band_names
from alphaearth_nb.cubes import sample
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb_table():
    e = as_embedding(embedding_from_array(random_unit((6, 7), seed=12)))
    r, c = np.array([0, 2, 5, 3]), np.array([1, 6, 0, 3])
    lon, lat = to_crs(e.x.values[c], e.y.values[r], e.attrs["crs"], "EPSG:4326")
    df = pd.DataFrame({"system:index": [f"0_{i}" for i in range(4)], "label": [1, 2, 1, 3],
                       ".geo": [json.dumps({"type": "Point", "coordinates": [float(a), float(b)]}) for a, b in zip(lon, lat)]})
    return e, df, r, c


def test_classify_and_sample_read_the_geo_column(emb_table):
    e, df, r, c = emb_table
    cl = classify(e, df, k=1)
    np.testing.assert_array_equal(cl["class"].values[r, c], df["label"].to_numpy())
    s = sample(e, df)
    np.testing.assert_allclose(s[band_names()].to_numpy(np.float32), e.values[r, c], atol=1e-6)
    assert "system:index" in s.columns and ".geo" not in s.columns


def test_a_row_without_geojson_is_named(emb_table):
    e, df, _, _ = emb_table
    bad = df.copy(); bad.loc[2, ".geo"] = "POINT (1 2)"
    with pytest.raises(LabelError, match="row 2 of the table's '.geo' column"):
        sample(e, bad)
