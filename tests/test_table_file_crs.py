"""A CSV (or plain Parquet) table of labels given by its path reads as the same DataFrame passed in memory: x/y without
`crs=` by `geo.point_crs` (the map's CRS where the points lie on the map so), as `classify(emb, df)` reads them
(`places.table_file`). Was: the path alone was a GridError asking for `crs=`."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.core import LabelError
from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit


def _case(tmp_path):
    e = embedding_from_array(random_unit((6, 6), seed=3))                  # EPSG:32631, 10 m
    x, y = e.x.values, e.y.values
    t = pd.DataFrame({"x": x[[0, 1, 4, 5]], "y": y[[0, 1, 4, 5]], "label": ["a", "a", "b", "b"],
                      "value": [1.0, 2.0, 3.0, 4.0]})
    t.to_csv(tmp_path / "l.csv", index=False, sep=";")
    return e, t


def test_a_csv_by_path_reads_as_its_dataframe(tmp_path):
    e, t = _case(tmp_path)
    p = tmp_path / "l.csv"
    for src in (p, str(p)):
        X, v = training_set(e, src)
        X0, v0 = training_set(e, t)
        np.testing.assert_array_equal(X, X0); np.testing.assert_array_equal(v, v0)
        np.testing.assert_array_equal(classify(e, src, k=1)["class"].values, classify(e, t, k=1)["class"].values)
        np.testing.assert_array_equal(regress(e, src, method="knn", k=1).values, regress(e, t, method="knn", k=1).values)


def test_a_parquet_table_and_a_cube_with_a_year_column(tmp_path):
    pytest.importorskip("pyarrow")
    e, t = _case(tmp_path)
    t.to_parquet(tmp_path / "l.parquet")
    np.testing.assert_array_equal(training_set(e, tmp_path / "l.parquet")[1], training_set(e, t)[1])
    cube = xr.concat([e, e], xr.DataArray(pd.to_datetime(["2023-01-01", "2024-01-01"]), dims="time", name="time"))
    yt = pd.concat([t.assign(year=2023), t.assign(year=2024, label=["b", "b", "a", "a"])])
    yt.to_csv(tmp_path / "y.csv", index=False)
    c = classify(cube, tmp_path / "y.csv", k=1)["class"]               # each year its own rows, x/y as in memory
    np.testing.assert_array_equal(c.values, classify(cube, yt, k=1)["class"].values)
    assert c.values[0, 0, 0] != c.values[1, 0, 0]


def test_points_off_the_map_either_way_name_crs(tmp_path):
    e, t = _case(tmp_path)
    t.assign(x=t.x + 1e6).to_csv(tmp_path / "off.csv", index=False)
    with pytest.raises(LabelError, match="crs="):
        training_set(e, tmp_path / "off.csv")
