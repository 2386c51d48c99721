"""Kind D: a similarity query is made unit in float64, so every cosine is the values' own and the order of official
vectors' cosines is exact (the float32 unit query turned its direction by up to 8e-9 in cosine)."""
import numpy as np
import pandas as pd

from alphaearth_nb.analysis import query_vector, similarity
from alphaearth_nb.core import band_names
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import embedding_from_array, random_unit


def _exact(rows, q):
    rows, q = np.asarray(rows, np.float64).reshape(-1, 64), np.asarray(q, np.float64)
    return (rows @ q) / np.linalg.norm(rows, axis=1) / np.linalg.norm(q)


def test_cosines_are_exact_in_float64_for_every_form_of_query():
    """On a 12 x 15 map of official-grid vectors, `similarity` differed from the float64 cosine of the values by up
    to 8e-9 (the query rounded to a float32 unit vector), for a float vector, its int8 codes and a point alike; one
    int8 code step moves a cosine by 2e-9. Right: within 1e-12 of the exact cosine, each form of the query."""
    codes = np.asarray(quantize(random_unit((12, 15), seed=11)))
    v = np.asarray(dequantize(codes))
    emb = embedding_from_array(v)
    want = _exact(v, v[4, 6])
    for q in (v[4, 6], codes[4, 6], (float(emb.x[6]), float(emb.y[4]))):
        got = similarity(emb, q).values.ravel()
        assert np.max(np.abs(got - want)) < 1e-12
    assert query_vector(emb, v[4, 6]).dtype == np.float64


def test_official_vectors_rank_in_the_order_of_their_cosines(shared_data):
    """aef_samples' first 2,160 vectors (files in name order) as a 45 x 48 map, the query row 180: rows 743 and
    1841 have cosines 0.019805419... 1.09e-9 apart, and `similarity` ranked them in reverse. Right: in order."""
    files = sorted((shared_data / "aef_samples").glob("*.csv"))
    a = pd.concat([pd.read_csv(f) for f in files])[band_names()].to_numpy(np.float32)[:2160]
    exact = _exact(a, a[180])
    assert exact[743] - exact[1841] > 1e-9
    s = similarity(embedding_from_array(a.reshape(45, 48, 64)), a[180]).values.ravel()
    assert s[743] > s[1841]
