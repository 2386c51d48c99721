"""Kind A (one gate, tables): a table (N, 64) of int codes of a linear scaling, round(127 x), is read by
`gate.table_codes` as the map's gate reads such codes (tests/test_linear_int8): each row's direction x = q / |q|,
warned, so `check_xy` (every fit, `evaluate_embeddings`) and `knn_search` take the vectors they stand for. Was: decoded
as the product's codes without a word (rows of length 0.16-0.26 on aef_samples, 0.92 cosine to their vectors)."""
import os
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.gate import table_codes
from alphaearth_nb.linear import check_xy

# the shared data sets: AEF_SHARED_DATA, else ../shared/data beside the clone (as conftest.SHARED_DATA)
CSV = Path(os.environ.get("AEF_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared/data")) / \
    "aef_samples/alphaearth_s1_dw_samples_sf_bay_urban_2024.csv"


@pytest.fixture(scope="module")
def table():
    if not CSV.exists(): pytest.skip(f"no {CSV} (the shared aef_samples data set)")
    df = pd.read_csv(CSV)
    v = df[aef.band_names()].values.astype(np.float64)
    return v / np.linalg.norm(v, axis=1, keepdims=True), df["dw_label"].values


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int64])
def test_a_linear_int8_table_reads_as_its_directions(table, dtype):
    v, y = table
    q = np.round(v * 127).astype(dtype)
    want = q / np.linalg.norm(q.astype(np.float64), axis=1, keepdims=True)
    with pytest.warns(UnitsWarning, match=f"{len(q)} of {len(q)} row.s. are a linear scaling"):
        got = table_codes(q)
    np.testing.assert_allclose(got, want, atol=1e-6)
    assert (np.sum(got * v, 1) > 0.9995).all()
    with pytest.warns(UnitsWarning, match="linear scaling"):
        x, _ = check_xy(q, y)
    np.testing.assert_allclose(x, want, atol=1e-6)


def test_the_product_s_codes_in_a_table_are_unchanged(table):
    v, _ = table
    q = np.asarray(aef.quantize(v.astype(np.float32)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(table_codes(q.astype(np.int16)), aef.dequantize(q))
