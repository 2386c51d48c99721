"""A table of vectors is read by its band labels in every kNN entry point (knn.by_band), as linear probes read theirs.
A table holding the 64 bands is searched and fitted on them alone: its lon/lat/label columns are features only where
`features=` names them (a `read_aef_samples` table was searched on lon/lat too)."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import ConfigError, band_names
from alphaearth_nb.knn import by_band, knn_indices, knn_predict, knn_search
from alphaearth_nb.linear import check_xy, least_squares_fit, linear_probe_fit, linear_probe_predict
from alphaearth_nb.testing import random_unit


def _tables(n=30, seed=3):
    x = np.asarray(random_unit((n,), seed=seed), np.float64)   # (n, 64) unit rows
    df = pd.DataFrame(x, columns=band_names())
    sh = df.iloc[:, np.random.default_rng(seed).permutation(64)]
    return x, df, sh


def test_shuffled_columns_are_the_same_vectors():   # was: read by position, other neighbours and labels (main b6ca853)
    x, df, sh = _tables()
    y = np.arange(len(x)) % 3
    d0, i0 = knn_search(df, df, 1)
    d1, i1 = knn_search(df, sh, 1)
    assert (i0 == i1).all() and (i1[:, 0] == np.arange(len(x))).all()
    assert (knn_predict(df, y, sh, 1, 3)[0] == knn_predict(df, y, df, 1, 3)[0]).all()
    assert (knn_predict(sh, y, df, 1, 3)[0] == y).all()


def test_by_band_orders_labels_and_takes_other_columns_when_named():
    x, df, sh = _tables(4)
    t = sh.assign(lon=1.0)[["lon", *sh.columns]]
    assert np.array_equal(by_band(t), x)   # the bands alone, in band order
    got = by_band(t, features=["lon"])
    assert got.shape == (4, 65) and np.array_equal(got[:, :64], x) and (got[:, 64] == 1.0).all()
    assert np.array_equal(by_band(x), x)   # an array: by position


def test_tables_are_read_by_the_rule_every_query_reads_them():   # was: band_N labels read by position (main acf940f)
    from alphaearth_nb.gate import query_array
    x, df, _ = _tables(12)
    named = df.set_axis([f"band_{i + 1}" for i in range(64)], axis=1)   # rioxarray's band_as_variable names
    sh = named.iloc[:, np.random.default_rng(5).permutation(64)]
    assert np.array_equal(by_band(sh), x) and np.array_equal(by_band(sh), query_array(sh))
    assert (knn_search(df, sh, 1)[1][:, 0] == np.arange(len(x))).all()
    assert np.array_equal(by_band(df.assign(lon=1.0)), x)   # other columns left out


def _samples(n=40, seed=4):
    """A table as `readers.read_aef_samples` gives it: A00..A63 beside lat/lon (degrees), a numeric label, a region."""
    x, df, _ = _tables(n, seed)
    rng = np.random.default_rng(seed)
    t = df.assign(dw_label=rng.integers(0, 9, n), lat=rng.uniform(-60, 60, n), lon=rng.uniform(-180, 180, n))
    return x, t, t.assign(region="amazon_forest")


def test_a_table_with_the_bands_is_searched_on_the_bands_alone():   # was: lon/lat/dw_label features too
    x, t, named = _samples()
    d0, i0 = knn_search(x, x[:5], 2)
    for table in (t, named, t[["lon", "lat", *band_names(), "dw_label"]]):
        d, i = knn_search(table, table.iloc[:5], 2)
        np.testing.assert_array_equal(i, i0); np.testing.assert_array_equal(d, d0)
        np.testing.assert_array_equal(knn_indices(table, table.iloc[:5], 2), i0)
        assert (knn_predict(table, np.arange(len(x)) % 3, table.iloc[:5], 1, 3)[0] == np.arange(5) % 3).all()
    v = np.c_[x, t[["lat", "lon"]].to_numpy()]   # other columns named: features, after the bands
    np.testing.assert_array_equal(knn_search(named, named.iloc[:5], 2, features=["lat", "lon"])[1],
                                  knn_search(v, v[:5], 2)[1])
    np.testing.assert_array_equal(knn_search(t[["lat", "lon"]], t[["lat", "lon"]].iloc[:5], 2)[1],   # no bands:
                                  knn_search(t[["lat", "lon"]].to_numpy(), t[["lat", "lon"]].to_numpy()[:5], 2)[1])
    with pytest.raises(ConfigError, match="not columns of the table"):
        knn_search(t, t, 1, features=["elevation"])
    with pytest.raises(ConfigError, match="array"):
        knn_search(x, x, 1, features=["lat"])


def test_linear_probes_fit_a_sample_table_on_its_bands():   # was: fitted on lon/lat and the label column too
    x, t, _ = _samples(80)
    y = t["dw_label"].to_numpy() % 3
    W = linear_probe_fit(t, y, 3)
    np.testing.assert_allclose(W, linear_probe_fit(x, y, 3), atol=1e-6)
    np.testing.assert_allclose(linear_probe_predict(W, t), linear_probe_predict(W, x), atol=1e-6)
    np.testing.assert_array_equal(check_xy(t, y)[0], check_xy(x, y)[0])
    np.testing.assert_allclose(least_squares_fit(t, t["lat"].to_numpy()), least_squares_fit(x, t["lat"].to_numpy()),
                               atol=1e-6)


def test_int8_codes_beside_lon_lat_are_read_as_codes():   # was: 66 columns wide, not taken for codes
    from alphaearth_nb.quantize import dequantize, quantize
    x, t, _ = _samples(30)
    c = pd.DataFrame(quantize(x), columns=band_names()).assign(lat=t["lat"], lon=t["lon"])
    np.testing.assert_array_equal(knn_search(c, c.iloc[:5], 2)[1],
                                  knn_search(dequantize(quantize(x)), dequantize(quantize(x))[:5], 2)[1])


def test_the_official_samples_table_as_read(shared_data):   # the repro: S1, lat/lon, dw_label, region, year beside
    from alphaearth_nb.readers import read_aef_samples       # A00..A63 (was: a DTypeError for the region's text)
    df = read_aef_samples(shared_data / "aef_samples").iloc[:300]
    b = df[band_names()]
    for got, want in zip(knn_search(df, df.iloc[:5], k=2), knn_search(b, b.iloc[:5], k=2)):
        np.testing.assert_array_equal(got, want)


def test_int8_codes_with_named_features_stay_codes():   # was: 65 columns wide, codes not read; codes=True refused
    from alphaearth_nb.quantize import dequantize, quantize
    x, t, _ = _samples(30)
    q = quantize(x)
    c = pd.DataFrame(q, columns=band_names()).assign(lat=t["lat"], lon=t["lon"])
    v = np.c_[dequantize(q).astype(np.float64), t["lat"].to_numpy()]   # the codes' vectors, then lat as a float
    want = knn_search(v, v[:5], 2)
    for kw in ({}, {"codes": True}):
        for query in (c.iloc[:5], c.iloc[:5, ::-1]):   # the query's columns in any order: the same query
            got = knn_search(c, query, 2, features=["lat"], **kw)
            np.testing.assert_array_equal(got[1], want[1]); np.testing.assert_allclose(got[0], want[0], atol=1e-6)
        np.testing.assert_array_equal(knn_indices(c, c.iloc[:5], 2, features=["lat"], **kw), want[1])
    np.testing.assert_array_equal(knn_search(c, c.iloc[:5], 2, features=["lat"], codes=False)[1],   # raw numbers
                                  knn_search(c[[*band_names(), "lat"]].to_numpy(np.float64),
                                             c[[*band_names(), "lat"]].to_numpy(np.float64)[:5], 2)[1])
    with pytest.raises(ConfigError, match="table"):   # an array cannot be read by column names: the fix says so
        knn_search(c, v[:5], 2, features=["lat"])
