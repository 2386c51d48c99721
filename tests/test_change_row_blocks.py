"""`change_scores` works in row blocks (`COS_ROWS`, as `cosines` does), not on a float64 copy of the whole map.

`emb.aef.change(emb)` of a 600 x 600 in-memory map took 7.2 s and +1.5 GB peak against 0.16 s for similarity: both
maps went to float64 whole, then `unit_rows` over the whole map (each a new float64 map). Right: float64 a block at a
time, the same values (each row's own arithmetic), 0 exactly for equal vectors. Speed: benchmarks/map_speed.py."""
import tracemalloc
import warnings

import numpy as np

from alphaearth_nb import evaluate
from alphaearth_nb.gate import COS_ROWS
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_unit_rows_see_a_block_at_most(monkeypatch):
    seen, real = [], evaluate.unit_rows
    monkeypatch.setattr(evaluate, "unit_rows", lambda x, *a, **k: (seen.append(len(x)), real(x, *a, **k))[1])
    a, b = random_unit((60, 90), seed=1), random_unit((60, 90), seed=2)   # 5,400 rows > COS_ROWS
    s = evaluate.change_scores(a, b)
    assert s.shape == (60, 90) and seen and max(seen) <= COS_ROWS, (max(seen), COS_ROWS)
    u1, u2 = (x.astype(np.float64) / np.linalg.norm(x.astype(np.float64), axis=-1, keepdims=True) for x in (a, b))
    np.testing.assert_allclose(s, 0.5 * ((u1 - u2) ** 2).sum(-1), rtol=0, atol=1e-12)   # the unblocked formula
    np.testing.assert_allclose(evaluate.change_scores(a, b, normalize=False),
                               1 - (a.astype(np.float64) * b).sum(-1), rtol=0, atol=1e-12)


def test_no_float64_copy_of_the_map():
    a = random_unit((200, 200), seed=3).astype(np.float32)
    tracemalloc.start()
    try:
        s = evaluate.change_scores(a, a)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (s == 0).all()                           # equal vectors: exactly 0
    assert peak < 2 * a.nbytes, (peak, a.nbytes)    # the two float64 unit maps were 4x a.nbytes each


def test_map_change_keeps_its_values_and_one_pair_is_a_scalar():
    v, w = random_unit((50, 50), seed=4), random_unit((50, 50), seed=5)
    w[:10] = v[:10]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = embedding_from_array(v).aef.change(embedding_from_array(w)).values
    assert c.dtype == np.float32 and (c[:10] == 0).all() and (c[10:] > 0).all()
    one = evaluate.change_scores(v[0, 0], w[20, 0])
    assert np.ndim(one) == 0 and np.isclose(one, 1 - v[0, 0].astype(np.float64) @ w[20, 0] / np.linalg.norm(w[20, 0]) / np.linalg.norm(v[0, 0]))
