"""Kind A (one gate, the int8 form): a linear int8 scaling, round(127 x), given where the int8 form is kept
(`as_embedding(dequantize=False)`, the vector index's rows from a table or a map) becomes the product's codes of its
directions, `quantize(q / |q|)`, warned, as the float gate reads it (b479496). Was: kept as if the product's codes,
so an index built from them scored cosines of other vectors (0.09 off on aef_samples' sf_bay_urban; 17% of the
neighbours of an index of the same vectors as the product's codes)."""
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb import index
from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.testing import embedding_from_array

# the shared data sets: AEF_SHARED_DATA, else ../shared/data beside the clone (as conftest.SHARED_DATA)
CSV = Path(os.environ.get("AEF_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared/data")) / \
    "aef_samples/alphaearth_s1_dw_samples_sf_bay_urban_2024.csv"


@pytest.fixture(scope="module")
def vectors():
    if not CSV.exists(): pytest.skip(f"no {CSV} (the shared aef_samples data set)")
    v = pd.read_csv(CSV)[aef.band_names()].values.astype(np.float64)
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def test_the_int8_form_of_a_linear_map_is_the_product_s_codes(vectors):
    v = vectors[:36].reshape(6, 6, 64)
    q = np.round(v * 127).astype(np.int8)
    with pytest.warns(UnitsWarning, match="36 of 36 pixel.s. are a linear scaling"):
        got = as_embedding(embedding_from_array(q), dequantize=False)
    assert got.dtype == np.int8
    u = q / np.linalg.norm(q.astype(np.float64), axis=-1, keepdims=True)   # the directions the integers give
    back = np.asarray(aef.dequantize(got.values), np.float64)
    assert np.abs(back - u).max() < 0.02 and (np.sum(back * u, -1) / np.linalg.norm(back, axis=-1) > 0.9999).all()


def test_an_index_of_linear_int8_rows_scores_the_vectors_they_stand_for(vectors):
    q = np.round(vectors * 127).astype(np.int8)
    with pytest.warns(UnitsWarning, match="linear scaling"):
        b = index.build(q, threads=1)   # one thread: the same HNSW graph in every run, whatever the machine's load
    # ef = every row: the graph is walked whole, so the claim is the scores', not the approximate search's recall
    # (a multi-threaded build under load 13 once missed one row of 50 in its 20 candidates: session 46's CI)
    r = b.search(vectors[:50], k=5, ef=len(q))
    assert (r.ids[:, 0] == np.arange(50)).all()   # each row finds itself first
    want = np.einsum("qd,qkd->qk", vectors[:50].astype(np.float64), vectors[r.ids].astype(np.float64))
    np.testing.assert_allclose(r.scores, want, atol=5e-3)   # the cosines of the vectors (int8 rounding aside)
