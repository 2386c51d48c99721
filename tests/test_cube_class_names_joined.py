"""classify of a cube whose years are labelled with other named classes (2021: wheat, maize; 2022: rice, soy) numbers
every year's class map by the joined `classes` (maize 0, rice 1, soy 2, wheat 3: labels.joined_class_maps) and names them all in its attrs
(class_names, CF flag_values / flag_meanings). Was: each year kept its own numbers, indices into its own sorted
names, so 2022's rice (its 0) read as the result's classes[0], maize, and the attrs named 2021's two classes only
(e5fbb96b) or none beside flag_values [0, 1] (aa77a071's drop_conflicts) (review44)."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cube_and_table(dask):
    e = embedding_from_array(random_unit((4, 4), seed=2))
    cube = xr.concat([e, e], dim=pd.Index(pd.to_datetime(["2021-01-01", "2022-01-01"]), name="time"))
    x, y = e.x.values, e.y.values
    df = pd.DataFrame({"x": [x[0], x[1], x[0], x[1]], "y": [y[0], y[0], y[1], y[1]],
                       "label": ["wheat", "maize", "rice", "soy"], "year": [2021, 2021, 2022, 2022]})
    return (cube.chunk({"y": 2}) if dask else cube), df


@pytest.mark.parametrize("dask", [False, True])
def test_each_years_class_is_the_joined_classes_entry_of_its_best_score(dask):
    cube, df = _cube_and_table(dask)
    r = classify(cube, df, k=1).compute()
    names = r["classes"].values.tolist()
    assert names == ["maize", "rice", "soy", "wheat"]
    best = r["scores"].fillna(-1).argmax("classes").values   # each pixel's best class, by the joined classes
    np.testing.assert_array_equal(r["class"].values, best)
    assert set(np.unique(r["class"].sel(time="2022").values)) <= {1, 2}   # rice, soy: not maize, wheat
    a = r["class"].attrs
    assert a["class_names"] == names and a["flag_meanings"] == "maize rice soy wheat"
    assert a["flag_values"].tolist() == [0, 1, 2, 3]


def test_years_of_the_same_names_are_left_as_they_are():
    cube, df = _cube_and_table(False)
    df["label"] = ["wheat", "maize", "wheat", "maize"]
    r = classify(cube, df, k=1)
    assert r["class"].attrs["class_names"] == ["maize", "wheat"] and r["classes"].values.tolist() == ["maize", "wheat"]
