"""linear: tables of features are read by their band labels A00..A63 where they carry them (those bands alone), by
position otherwise."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import DimensionError, band_names
from alphaearth_nb.knn import by_band
from alphaearth_nb.linear import check_xy, least_squares_fit, least_squares_predict, linear_probe_fit, linear_probe_predict
from alphaearth_nb.testing import random_unit


def _tables(seed=0):
    x = random_unit((40,), seed=seed).astype(np.float32)
    y = (x[:, 3] > x[:, 60]).astype(int)
    df = pd.DataFrame(x, columns=band_names())
    order = np.random.default_rng(seed).permutation(64)
    return x, y, df, df.iloc[:, order]     # the same vectors, columns A00..A63 in another order


def test_predict_on_a_table_with_its_bands_in_another_order():
    """Fit on one table, predict on another whose columns A00..A63 come in another order (a CSV written by another
    tool, a parquet with columns sorted): was read by position, wrong scores without a word. Right: by label."""
    x, y, df, shuffled = _tables()
    W = linear_probe_fit(df, y, 2)
    np.testing.assert_allclose(linear_probe_predict(W, shuffled), linear_probe_predict(W, x), rtol=1e-5, atol=1e-5)
    Wr = least_squares_fit(shuffled, x[:, 5])          # fitted on the shuffled table: its rows are bands A00..A63
    np.testing.assert_allclose(least_squares_predict(Wr, df), least_squares_predict(least_squares_fit(df, x[:, 5]), x),
                               rtol=1e-4, atol=1e-4)
    np.testing.assert_array_equal(check_xy(shuffled, y)[0], x)


def test_bands_among_other_columns_and_unlabelled_tables():
    """A table with other columns: its bands alone, in band order (was: the others after them, so a sample table's
    lon/lat and label were fitted on); other columns by name (`knn.by_band(df, features=[...])`); no labels: by
    position."""
    x, y, df, shuffled = _tables(1)
    extra = shuffled.assign(elev=np.arange(40.0)).iloc[:, ::-1]      # 'elev' first, bands reversed
    np.testing.assert_array_equal(check_xy(extra, y)[0], x)
    got = check_xy(by_band(extra, features=["elev"]), y)[0]
    np.testing.assert_array_equal(got[:, :64], x)
    np.testing.assert_array_equal(got[:, 64], np.arange(40.0))
    plain = pd.DataFrame(x[:, ::-1])                   # no band labels: the columns as given
    np.testing.assert_array_equal(check_xy(plain, y)[0], x[:, ::-1])
    W = least_squares_fit(df, x[:, 0])
    np.testing.assert_allclose(least_squares_predict(W, extra), least_squares_predict(W, x), rtol=1e-5, atol=1e-5)
    with pytest.raises(DimensionError):                # width still checked: 65 features against a 64-band W
        least_squares_predict(W, by_band(extra, features=["elev"]))


def test_linear_probes_and_evaluate_take_features_as_knn_does():   # was: no features=; int8 codes by hand were 65 floats
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.evaluate import evaluate_embeddings, evaluate_regression
    from alphaearth_nb.quantize import dequantize, quantize
    x, y, _, _ = _tables(2)
    q, lat = quantize(x), np.random.default_rng(2).uniform(-60, 60, len(x))
    c = pd.DataFrame(q, columns=band_names()).assign(lat=lat, lon=-lat, label=y).iloc[:, ::-1]   # codes, lat, lon, label
    v = np.c_[dequantize(q).astype(np.float64), lat]   # the codes' vectors, lat after them
    W = linear_probe_fit(c, y, 2, features=["lat"])
    np.testing.assert_allclose(W, linear_probe_fit(v, y, 2), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(linear_probe_predict(W, c, features=["lat"]), linear_probe_predict(W, v), rtol=1e-5,
                               atol=1e-5)
    Wr = least_squares_fit(c, x[:, 5], features="lat")   # one name as a string, as `by_band` takes it
    np.testing.assert_allclose(least_squares_predict(Wr, c, features=["lat"]),
                               least_squares_predict(least_squares_fit(v, x[:, 5]), v), rtol=1e-4, atol=1e-4)
    np.testing.assert_array_equal(check_xy(c, y, features=["lat"])[0], check_xy(v, y)[0])
    kw = dict(shots=(1, "max"), folds=2, methods=("knn1", "linear"))
    pd.testing.assert_frame_equal(evaluate_embeddings(c, y, features=["lat"], **kw), evaluate_embeddings(v, y, **kw))
    kw = dict(n_train=(10,), folds=2, methods=("knn1", "linear"))
    pd.testing.assert_frame_equal(evaluate_regression(c, x[:, 5], features=["lat"], **kw),
                                  evaluate_regression(v, x[:, 5], **kw))
    with pytest.raises(TypeError):   # keyword-only: a fifth argument is no features
        linear_probe_fit(c, y, 2, "auto", 1e-6, ["lat"])
    with pytest.raises(ConfigError, match="table"):
        linear_probe_predict(W, v, features=["lat"])


def test_text_features_are_refused_as_knn_refuses_them():
    "A text column named in `features` (or text among array features): the package's DTypeError, as `knn_search` "
    "gives (`gate.real_parts`, one rule). Was: numpy's raw ValueError from astype(float32)."
    from alphaearth_nb.core import DTypeError
    from alphaearth_nb.knn import knn_search
    x, y, df, _ = _tables(3)
    text = df.assign(r="a")
    for fit in (lambda: check_xy(text, y, features=["r"]), lambda: least_squares_fit(text, x[:, 5], features=["r"]),
                lambda: linear_probe_fit(text, y, 2, features=["r"]),
                lambda: check_xy(np.array([[1.0, "a"], [2.0, 3.0]], object), [0, 1]),
                lambda: knn_search(text, text, 1, features=["r"])):
        with pytest.raises(DTypeError, match="hold values that are not numbers"): fit()
    W = least_squares_fit(df.assign(r=1.0), x[:, 5], features=["r"])
    with pytest.raises(DTypeError, match="not numbers"): least_squares_predict(W, text, features=["r"])
    with pytest.raises(DTypeError, match="complex"): check_xy(x.astype(np.complex64), y)
