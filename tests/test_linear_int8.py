"""Kind A (one gate): int8 codes of a linear scaling, round(127 x) (`(emb * 127).astype('int8')`, Earth Engine's
`.multiply(127).toInt8()`: the usual int8 quantisation of embeddings, not the product's sign(x) sqrt|x| scheme), are
read as the vectors they scale, x = q / |q|, with a warning naming the scheme, in a map and in a query. Was: decoded
as the product's codes (length 0.15-0.25), then rescaled as 'a mean of embeddings' (26 of 36 official vectors of
aef_samples, cosine 0.92 to the true vector) or refused as 'not embedding vectors' (10 of 36)."""
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.gate import gate_query, gate_vectors
from alphaearth_nb.testing import embedding_from_array, random_unit, warned_text

# the shared data sets: AEF_SHARED_DATA, else ../shared/data beside the clone (as conftest.SHARED_DATA)
CSV = Path(os.environ.get("AEF_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared/data")) / \
    "aef_samples/alphaearth_s1_dw_samples_sf_bay_urban_2024.csv"


@pytest.fixture(scope="module")
def vectors():
    "36 official vectors (6 x 6 x 64) of aef_samples, made unit (their CSV keeps 7 digits)."
    if not CSV.exists(): pytest.skip(f"no {CSV} (the shared aef_samples data set)")
    v = pd.read_csv(CSV)[aef.band_names()].values[:36].astype(np.float64)
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).reshape(6, 6, 64)


def _unit(q):
    q = np.asarray(q, np.float64)
    return q / np.linalg.norm(q, axis=-1, keepdims=True)


@pytest.mark.parametrize("form", ["int8", "int16", "float_whole", "float_x127"])
def test_a_linear_int8_map_reads_as_its_vectors(vectors, form):
    q = np.round(vectors * 127)
    x = {"int8": q.astype(np.int8), "int16": q.astype(np.int16), "float_whole": q.astype(np.float32),
         "float_x127": (vectors * 127).astype(np.float32)}[form]
    g, msg = warned_text(lambda: as_embedding(embedding_from_array(x)))
    assert not np.isnan(g.values).any(), msg
    want = _unit(x)   # the direction the integers (or floats) give, each as it is
    np.testing.assert_allclose(g.values, want, atol=1e-6)
    assert (np.sum(g.values * vectors, -1) > 0.9995).all()   # int8 rounding alone off the true vectors
    assert "linear scaling" in msg and "36 of 36" in msg and "mean of embeddings" not in msg and "not embedding" not in msg, msg
    s, _ = warned_text(lambda: embedding_from_array(x).aef.similarity(vectors[2, 3]))
    np.testing.assert_allclose(s.values, want @ vectors[2, 3], atol=1e-6)   # the hand cosine


def test_a_linear_int8_query_reads_as_its_vector(vectors):
    e = embedding_from_array(vectors.astype(np.float32))
    q = np.round(vectors[1, 4] * 127).astype(np.int8)
    u, msg = warned_text(lambda: gate_query(q))
    np.testing.assert_allclose(u[0], _unit(q), atol=1e-6)
    assert "linear scaling" in msg, msg
    s, _ = warned_text(lambda: e.aef.similarity(q))
    np.testing.assert_allclose(s.values, vectors @ _unit(q), atol=1e-6)


def test_the_product_s_codes_stay_the_product_s(vectors):
    "Official codes (a one-hot vector's too: length 127.5 as integers, unit decoded) and their means are unchanged."
    one = np.zeros((1, 64)); one[0, 5] = 1.0
    v = np.vstack([vectors.reshape(-1, 64), one])
    q = np.asarray(aef.quantize(v.astype(np.float32)))
    out, msg = warned_text(lambda: gate_vectors(q))
    np.testing.assert_array_equal(out[0], aef.dequantize(q))
    assert "linear scaling" not in msg, msg
    u = random_unit((2,), seed=7)
    mean = np.round((np.asarray(aef.quantize(u[0])).astype(float) + np.asarray(aef.quantize(u[1]))) / 2).astype(np.int8)
    _, msg = warned_text(lambda: as_embedding(embedding_from_array(mean[None, None])))
    assert "linear scaling" not in msg and "mean" in msg, msg
