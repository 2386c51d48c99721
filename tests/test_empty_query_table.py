"""A similarity query of a table of no rows (a filter that kept none, `df[df.label == 'Crop']`; an empty file) is
named as empty, with no mean or loop to run: a mean of no rows is NaN, and `df.iloc[[0]]` an IndexError. Was
(a11be1b's `analysis._several`): 'got a table of 0 rows (vectors: ...). For one map of their mean vector ...; for a
map each, loop ...; or pick one, `df.iloc[[0]]`'."""
import geopandas as gpd
import pandas as pd
import pytest

from alphaearth_nb.analysis import similarity
from alphaearth_nb.bands import band_names
from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 5), seed=2))
EMPTY = {"vectors": pd.DataFrame(columns=["label", *band_names()]),
         "x/y": pd.DataFrame({"x": [], "y": [], "label": []}),
         "dict": {"x": [], "y": []},
         "GeoDataFrame": gpd.GeoDataFrame({"label": []}, geometry=gpd.GeoSeries([], crs="EPSG:32631"))}


@pytest.mark.parametrize("form", list(EMPTY))
def test_an_empty_table_is_named_empty(form):
    with pytest.raises(DimensionError) as e:
        similarity(E, EMPTY[form])
    msg = str(e.value)
    assert "got a table of no rows" in msg and "the filter or file that made it" in msg, msg
    assert "mean" not in msg and "loop" not in msg and "iloc" not in msg, msg
