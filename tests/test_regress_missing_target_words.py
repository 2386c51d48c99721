"""regress of a table of lon/lat points (or a GeoDataFrame) with empty value cells says its rows are targets:
'rows of the targets ... never a target'. Was: 'rows of the labels ... never a class' (the words of classify),
for regress's own values; a table of x/y points said 'target' already."""

import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.testing import embedding_from_array, random_unit, warned_text


@pytest.fixture(scope="module")
def case():
    emb = embedding_from_array(random_unit((6, 7), seed=5))
    r, c = np.divmod(np.arange(0, 42, 2), 7)
    lon, lat = Transformer.from_crs(emb.attrs["crs"], "EPSG:4326", always_xy=True).transform(emb.x.values[c],
                                                                                              emb.y.values[r])
    v = pd.array(np.arange(21.0), dtype="Float64")
    v[:3] = pd.NA
    return emb, pd.DataFrame({"lon": lon, "lat": lat, "value": v, "label": pd.array(np.arange(21) % 3, "Int64")})


def test_regress_says_targets(case):
    emb, df = case
    said = warned_text(regress, emb, df)[1]
    assert "3 of 21 rows of the targets have no value in column 'value'" in said and "never a target" in said, said
    assert "never a class" not in said, said


def test_classify_still_says_labels(case):
    emb, df = case
    df = df.assign(label=df["label"].astype("Float64").where(df.index >= 2))
    said = warned_text(classify, emb, df, k=1)[1]
    assert "2 of 21 rows of the labels have no value in column 'label'" in said and "never a class" in said, said
