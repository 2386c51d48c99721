"""A DataFrame in memory with `X`/`Y` columns (ArcGIS's Add XY Coordinates, a spreadsheet read by pandas) holding
degrees was refused by `classify`/`training_set` as 'projected coordinates' (and metres as lacking x/y), while the
CSV file of the same table was read: X/Y of any case are x/y in every plain table now, a DataFrame, a dict of arrays,
a CSV and a Parquet file alike (`tables.xy_lower` at `geometries.table_file`); degrees under other x/y-like names
(Easting/Northing) are named longitude and latitude in the refusal, by their values."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import analysis
from alphaearth_nb.core import LabelError
from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")
ROWS, COLS = [2, 5, 15, 17], [3, 14, 6, 16]


def _emb():
    return embedding_from_array(random_unit((20, 20), seed=3))   # EPSG:32631, 10 m


def _table(e, deg:bool, names=("X", "Y")):
    x, y = e.x.values[COLS], e.y.values[ROWS]
    if deg: x, y = pyproj.Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(x, y)
    return pd.DataFrame({names[0]: x, names[1]: y, "label": ["a", "a", "b", "b"]})


@pytest.mark.parametrize("deg", [False, True])
@pytest.mark.parametrize("form", ["frame", "dict", "parquet"])
def test_upper_case_x_y_in_memory_and_parquet_classify_as_lower_case(tmp_path, deg, form):
    e = _emb()
    want = analysis.classify(e, _table(e, deg, ("x", "y")), k=1)["class"].values
    t = _table(e, deg)
    if form == "dict": t = {c: t[c].to_numpy() for c in t.columns}
    if form == "parquet":
        pytest.importorskip("pyarrow")
        t.to_parquet(tmp_path / "up.parquet")
        t = str(tmp_path / "up.parquet")
    got = e.aef.classify(t, k=1)["class"].values
    np.testing.assert_array_equal(got, want)
    assert (got >= 0).all()


@pytest.mark.parametrize("deg", [False, True])
def test_training_set_reads_upper_case_x_y_at_their_pixels(deg):
    e = _emb()
    X, y = training_set(e, _table(e, deg), column="label")
    np.testing.assert_allclose(X, e.values[ROWS, COLS], atol=1e-6)   # each row the embedding at its own pixel
    assert list(y) == [0, 0, 1, 1] or list(y) == ["a", "a", "b", "b"]


def test_sample_reads_upper_case_x_y():
    e = _emb()
    s = e.aef.sample(_table(e, True))
    np.testing.assert_allclose(s[[f"A{i:02d}" for i in range(64)]].to_numpy(), e.values[ROWS, COLS], atol=1e-6)


def test_an_x_y_beside_lon_lat_stays_a_value():
    e = _emb()
    t = _table(e, True, ("lon", "lat")).assign(X=1.0, Y=np.arange(4.0))
    got = analysis.classify(e, t, k=1)["class"].values
    np.testing.assert_array_equal(got, analysis.classify(e, _table(e, True, ("lon", "lat")), k=1)["class"].values)


def test_degrees_under_easting_northing_in_memory_are_named_lon_lat():
    e = _emb()
    with pytest.raises(LabelError, match="'Easting' and 'Northing' look like longitude and latitude"):
        e.aef.classify(_table(e, True, ("Easting", "Northing")), k=1)
    with pytest.raises(LabelError, match="'Easting' and 'Northing' look like projected coordinates"):
        e.aef.classify(_table(e, False, ("Easting", "Northing")), k=1)
