"Exact nearest neighbours: near-ties (field case D1), duplicates, blocks, and a float64 reference."
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import (AEFError, ConfigError, DimensionError, DTypeError, LabelError, LabelWarning,
                               NoValidDataError, UnitsWarning, band_names)
from alphaearth_nb.knn import knn_indices, knn_predict, knn_search, knn_vote
from alphaearth_nb.linear import check_xy
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.readers import read_aef_samples
from alphaearth_nb.testing import embedding_from_array, random_unit


def one_step(v: np.ndarray) -> np.ndarray:
    "Each vector moved one int8 code step in its smallest component (the official quantisation)."
    q = quantize(v).astype(np.int16)
    j, r = np.abs(v).argmin(1), np.arange(len(v))
    q[r, j] += np.where(q[r, j] < 127, 1, -1)
    return dequantize(q.astype(np.int8))


def reference(train, query, k):
    "float64 brute force, ties to the lower index: distances and indices (Q, k)."
    d = ((query[:, None].astype(np.float64) - train[None].astype(np.float64)) ** 2).sum(-1)
    idx = np.argsort(d, 1, kind="stable")[:, :k]
    return np.take_along_axis(d, idx, 1), idx


@pytest.fixture(scope="module")
def official(shared_data):
    "The first 200 official AlphaEarth vectors of ../shared/data/aef_samples."
    v = read_aef_samples(root=shared_data)[band_names()].to_numpy(np.float32)[:200]
    assert np.array_equal(dequantize(quantize(v)), v)  # they are dequantised int8 codes
    return v


def test_d1_exact_copy_is_nearest(official):
    "D1: a one-step neighbour (listed first) and the exact copy (listed later): the copy wins every time."
    v = official
    train = np.concatenate([one_step(v[:180]), v])   # query j: neighbour at j, copy at 180 + j
    for chunks in ({}, dict(query_chunk=32, train_chunk=64)):
        d, i = knn_search(train, v[:180], 2, **chunks)
        np.testing.assert_array_equal(i[:, 0], 180 + np.arange(180))
        np.testing.assert_array_equal(i[:, 1], np.arange(180))
        np.testing.assert_array_equal(d[:, 0], 0.0)
        assert (d[:, 1] > 0).all()
    lab, _ = knn_predict(train, np.r_[np.zeros(180), np.ones(200)].astype(int), v[:180], 1, 2)
    assert (lab == 1).all()


def test_d1_classify_keeps_each_labelled_pixel(official):
    "D1 through `classify(k=1)`: every labelled pixel keeps its own label, not its one-step neighbour's."
    v = official
    grid = np.concatenate([one_step(v[:180]), v]).reshape(19, 20, 64)
    labels = np.r_[np.full(180, 1.0), np.full(200, 2.0)].reshape(19, 20)
    emb = embedding_from_array(grid)
    lab = emb[..., 0].copy(data=labels)
    out = classify(emb, lab, method="knn", k=1)["class"].values.ravel()
    np.testing.assert_array_equal(out, labels.ravel())


def test_quantised_near_ties_match_float64():
    "Quantised vectors with duplicates and one-step neighbours: the same neighbours as float64, in order."
    v = dequantize(quantize(random_unit((150,), seed=1)))
    train = np.concatenate([one_step(v), v, v[:50], one_step(one_step(v[:40]))])
    query = np.concatenate([v[::3], one_step(v[:30])])
    for k in (1, 3):
        d, i = knn_search(train, query, k, query_chunk=16, train_chunk=128)
        rd, ri = reference(train, query, k)
        np.testing.assert_array_equal(i, ri)
        np.testing.assert_allclose(d, rd, rtol=1e-5, atol=1e-12)


def test_many_duplicates_widen_the_search():
    "More exact copies of the nearest row than first-round candidates: the lowest indices come back."
    v = random_unit((64,), seed=2)
    train = np.concatenate([v[1:20], np.repeat(v[:1], 40, 0), v[20:]])
    for k in (1, 10):
        d, i = knn_search(train, v[:1], k, train_chunk=32)
        assert i[0].tolist() == list(range(19, 19 + k))
        assert d[0].tolist() == [0.0] * k


def test_blocks_and_padding_agree_with_reference():
    "Many training blocks, a ragged last block and a ragged query block: the float64 answer."
    rng = np.random.default_rng(3)
    train = rng.normal(size=(1000, 8)).astype(np.float32)
    query = rng.normal(size=(77, 8)).astype(np.float32)
    for k in (1, 4):
        d, i = knn_search(train, query, k, query_chunk=32, train_chunk=300)
        rd, ri = reference(train, query, k)
        np.testing.assert_array_equal(i, ri)
        np.testing.assert_allclose(d, rd, rtol=1e-5)


def test_far_from_origin():
    "UTM metres: points 10 m apart at 5e6 m stay apart (centring), distances are direct differences."
    off = np.array([465_000., 5_080_000.])
    d, i = knn_search(off + np.array([[0., 0.], [10., 0.], [20., 0.]]), off + np.array([[12., 0.], [4., 0.]]), 1)
    assert i.tolist() == [[1], [0]]
    np.testing.assert_allclose(d, [[4.], [16.]])


@pytest.mark.parametrize("off, spread, dim", [(5e5, 100, 2), (1e5, 10, 3), (3e4, 1, 8)])
def test_float32_far_from_origin_matches_float64(off, spread, dim):
    """float32 coordinates far from 0 (UTM metres): both sides are centred on one float32 offset, so the candidates'
    bound holds. A float64 mean for the training rows and its float32 rounding for the queries shifted them
    apart by 0.006 m at 5e5 m and lost 1-4 of 3,000 neighbours."""
    rng = np.random.default_rng(0)
    x = (rng.uniform(0, spread, (2000, dim)) + off).astype(np.float32)
    for k in (1, 3):
        d, i = knn_search(x[:1000], x[1000:], k)
        np.testing.assert_array_equal(i, reference(x[:1000], x[1000:], k)[1])


@pytest.mark.parametrize("table", [0, 4096])
def test_vote_matches_scores_and_ranks(table, monkeypatch):
    "knn_vote against a per-query count: most votes, ties to the nearer member; fractions = count / float32(k), bit for bit."
    from alphaearth_nb import vote
    monkeypatch.setattr(vote, "VOTE_ROWS", 37)  # ragged slices of the vote
    monkeypatch.setattr(vote, "VOTE_TABLE", table)  # 0: no lookup table; 4096: up to k = 6 of these 4 classes
    rng = np.random.default_rng(4)
    for k in (1, 2, 3, 7):
        lab = rng.integers(0, 4, (500, k))
        pred, frac = knn_vote(lab, 4)
        for row, p, f in zip(lab, pred, frac):
            votes = np.bincount(row, minlength=4)
            first = [list(row).index(c) if c in row else k for c in range(4)]
            assert p == max(range(4), key=lambda c: (votes[c], -first[c]))
            np.testing.assert_allclose(f, votes / k, rtol=1e-6)
        assert pred.dtype == np.int32 and frac.dtype == np.float32
        rows, ranks = np.arange(len(lab)), np.ones(lab.shape, np.int32)   # the fractions' bits: count / float32(k)
        for j in range(k): ranks[:, j] += (lab == lab[:, j:j + 1]).sum(1) - 1
        want = np.zeros((len(lab), 4), np.float32)
        for j in range(k): want[rows, lab[:, j]] = ranks[:, j] / np.float32(k)
        np.testing.assert_array_equal(frac.view(np.int32), want.view(np.int32))


def test_many_blocks_per_call_agree_with_reference(monkeypatch):
    "Enough query blocks for CALL_BLOCKS per call (a ragged, padded last call): the float64 answer, k = 1 and 3."
    from alphaearth_nb import knn
    calls = []
    multi = knn._knn_blocks
    monkeypatch.setattr(knn, "_knn_blocks", lambda qs, *a, **kw: calls.append(qs.shape) or multi(qs, *a, **kw))
    rng = np.random.default_rng(5)
    train = rng.normal(size=(300, 8)).astype(np.float32)
    query = rng.normal(size=(2 * knn.CALL_BLOCKS * 16 * knn._workers() + 37, 8)).astype(np.float32)
    for k in (1, 3):
        d, i = knn_search(train, query, k, query_chunk=16, train_chunk=128)
        rd, ri = reference(train, query, k)
        np.testing.assert_array_equal(i, ri)
        np.testing.assert_allclose(d, rd, rtol=1e-5)
    assert calls and all(c[:2] == (knn.CALL_BLOCKS, 16) for c in calls)


def test_nan_or_inf_query_rows_are_refused():
    "A NaN query used to fail deep in the host fallback or return i = 2**31 - 1; an inf one returned d = inf."
    x = np.random.default_rng(1).standard_normal((100, 64)).astype("f4")
    q = x[:3].copy(); q[0, 0] = np.nan
    with pytest.raises(NoValidDataError, match="1 of 3 query rows hold NaN/inf"): knn_search(x, q, k=1)
    t = np.eye(4, 64, dtype="f4"); q = np.zeros((1, 64), "f4"); q[0, :4] = .5; q[0, 3] = np.nan
    with pytest.raises(NoValidDataError, match="gate_vectors"): knn_search(t, q, k=1)
    q[0, 3] = np.inf
    with pytest.raises(NoValidDataError): knn_search(t, q, k=1)


def test_nan_training_rows_are_refused():
    "A NaN training row used to poison clean queries (index 2**31 - 1)."
    t = np.eye(4, 64, dtype="f4"); t[1, 5] = np.nan; t[3, 0] = -np.inf
    with pytest.raises(LabelError, match="2 of 4 training rows hold NaN/inf"): knn_search(t, np.zeros((2, 64)), k=1)
    with pytest.raises(AEFError): knn_predict(t, np.arange(4), np.zeros((1, 64)), 1, 4)


@pytest.mark.parametrize("labels", [[[0, 3]], [[-1, 0]], [[0.0, 1.0]]])
def test_vote_refuses_labels_outside_the_classes(labels):
    with pytest.raises(LabelError, match=r"0\.\.2"): knn_vote(np.array(labels), 3)


@pytest.mark.parametrize("k", [True, 1.0, 0, "2"])
def test_k_must_be_a_whole_number(k):
    with pytest.raises(ConfigError, match="whole number"): knn_search(np.eye(4, 2), np.zeros((1, 2)), k=k)


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def hard_set(kind: str, seed: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """Training rows (N, 64) and queries (200, 64) full of ties and near-ties below float32 rounding.

    `random`/`clustered` unit vectors, plus for each query the mirror image of its nearest row in one coordinate
    (about the query's value there: the same distance up to float32 rounding of that coordinate; half listed
    before the originals, half after) and exact copies of some nearest rows. `grid`: quarters in -1..1, whose
    distances are exact in float32 and float64 alike, so ties are everywhere."""
    rng = np.random.default_rng(seed)
    if kind == "grid":
        x = (rng.integers(-4, 5, (600, 64)) / 4).astype(np.float32)
        return x[:400], x[400:]
    if kind == "random":
        base, q = _unit(rng.standard_normal((500, 64))), _unit(rng.standard_normal((200, 64)))
    else:
        c = rng.standard_normal((5, 64))
        base = _unit(c[rng.integers(0, 5, 500)] + 0.1 * rng.standard_normal((500, 64)))
        q = _unit(c[rng.integers(0, 5, 200)] + 0.1 * rng.standard_normal((200, 64)))
    nn = reference(base, q, 1)[1][:, 0]
    mirror, r, j = base[nn].copy(), np.arange(len(q)), rng.integers(0, 64, len(q))
    mirror[r, j] = 2 * q[r, j] - mirror[r, j]
    return np.concatenate([mirror[:100], base, mirror[100:], base[nn[:30]]]), q


def float64_paths(monkeypatch) -> dict:
    "Counts the queries each float64 path of knn settles (`_rerank_host`, `_exact_host`) while the test runs."
    from alphaearth_nb import knn
    used = {"_rerank_host": 0, "_exact_host": 0}
    for name in used:
        f = getattr(knn, name)
        monkeypatch.setattr(knn, name, lambda t, q, *a, f=f, name=name: used.update({name: used[name] + len(q)})
                            or f(t, q, *a))
    return used


@pytest.mark.parametrize("kind", ["random", "clustered", "grid"])
def test_ties_and_near_ties_match_float64(kind, monkeypatch):
    "Mirror images, copies and grid ties: the same neighbours in the same order as float64, k = 1, 3, 5."
    used = float64_paths(monkeypatch)
    train, query = hard_set(kind)
    for k in (1, 3, 5):
        for chunks in ({}, dict(query_chunk=32, train_chunk=200)):
            d, i = knn_search(train, query, k, **chunks)
            rd, ri = reference(train, query, k)
            np.testing.assert_array_equal(i, ri, err_msg=f"{kind} k={k} {chunks}")
            np.testing.assert_allclose(d, rd, rtol=1e-5, atol=1e-12)
    assert used["_rerank_host"] > 0 and (kind == "grid" or used["_exact_host"] > 0)   # both paths ran


def test_near_tie_settled_in_float64():
    "Two rows at the same distance up to float32 rounding of one coordinate, in either order: float64's order."
    rng = np.random.default_rng(7)
    q = _unit(rng.standard_normal((1, 64)))
    a = _unit(rng.standard_normal((1, 64)))
    b, j = a.copy(), int(np.argmax(np.abs(a - q)))
    b[0, j] = 2 * q[0, j] - a[0, j]            # the mirror of a about q in coordinate j
    dist = {id(x): ((q.astype(np.float64) - x) ** 2).sum() for x in (a, b)}
    assert abs(dist[id(a)] - dist[id(b)]) < 1e-6 * dist[id(a)]   # a near-tie (or a tie)
    for pair in ((a, b), (b, a)):
        t = np.concatenate([*pair, _unit(rng.standard_normal((30, 64))) * 3])
        want = sorted(range(2), key=lambda r: (dist[id(pair[r])], r))
        assert knn_search(t, q, 2)[1][0].tolist() == want


def test_nan_rows_message_names_a_fix_that_works_on_arrays():
    "The message used to name `embeddings.gated`, which takes a DataArray: on numpy it raised AttributeError."
    import re
    from alphaearth_nb import embeddings
    x = np.random.default_rng(2).standard_normal((20, 64)).astype("f4"); x /= np.linalg.norm(x, axis=1, keepdims=True)
    x[3] = np.nan; y = np.arange(20)
    with pytest.raises(LabelError) as e: knn_search(x, x[:2], k=1)
    code = re.search(r"`(keep = [^`]*)`", str(e.value)).group(1)
    ns = {"np": np, "x": x}; exec(code, ns)
    assert ns["x"].shape == (19, 64) and (y[ns["keep"]] != 3).all()
    assert knn_search(ns["x"], x[:2], k=1)[1][:, 0].tolist() == [0, 1]
    q = x.copy(); q[5] = -1.0  # a fill value (64 x -1): gate_vectors makes it NaN, then it is dropped
    g = embeddings.gate_vectors(q)[0]; g = g[np.isfinite(g).all(1)]
    assert len(g) == 18 and knn_search(g, g[:1], k=1)[1][0, 0] == 0


def _spy_rounds(monkeypatch):
    "Record (low, number of queries) of every round of `knn._search`."
    from alphaearth_nb import knn
    rounds, f = [], knn._search
    monkeypatch.setattr(knn, "_search", lambda args, qx, *a, low=False, **kw: rounds.append((low, len(qx)))
                        or f(args, qx, *a, low=low, **kw))
    return rounds


def _bf16_ranks(train, query, k):
    "The k nearest by distances of the bfloat16-rounded centred vectors (float64 sums): what bfloat16 alone sees."
    import jax.numpy as jnp
    mu = train.mean(0, dtype=np.float64)
    r = lambda x: (x - mu).astype(np.float32).astype(jnp.bfloat16).astype(np.float64)
    return reference(r(train), r(query), k)[1]


@pytest.mark.parametrize("kind", ["random", "clustered", "grid"])
def test_bfloat16_round_matches_float64(kind, monkeypatch):
    "low=True on mirrors, copies and grid ties: float64's neighbours and order, where bfloat16 alone ranks wrongly."
    rounds = _spy_rounds(monkeypatch)
    train, query = hard_set(kind)
    for k in (1, 3):
        rd, ri = reference(train, query, k)
        assert kind == "grid" or (_bf16_ranks(train, query, k) != ri).any()   # bfloat16 scores alone: wrong
        for chunks in ({}, dict(query_chunk=32, train_chunk=200)):
            d, i = knn_search(train, query, k, low=True, **chunks)
            np.testing.assert_array_equal(i, ri, err_msg=f"{kind} k={k} {chunks}")
            np.testing.assert_allclose(d, rd, rtol=1e-5, atol=1e-12)
    assert rounds[0] == (True, len(query)) and any(not low for low, _ in rounds)   # the float32 round ran too


def test_bfloat16_certificate_failures_fall_back(monkeypatch):
    "With one spare bfloat16 candidate (LOW_MARGIN = 1) many certificates fail: the float32 round answers, exactly."
    from alphaearth_nb import knn
    monkeypatch.setattr(knn, "LOW_MARGIN", 1)
    rounds = _spy_rounds(monkeypatch)
    train, query = hard_set("clustered", seed=3)
    for k in (1, 3):
        rounds.clear()
        d, i = knn_search(train, query, k, low=True)
        np.testing.assert_array_equal(i, reference(train, query, k)[1])
        assert rounds[0] == (True, len(query)) and rounds[1][0] is False and rounds[1][1] > len(query) // 10
    # a query block where every training row is a candidate: nothing left out, nothing to certify
    monkeypatch.setattr(knn, "LOW_MARGIN", 10**6)
    rounds.clear()
    np.testing.assert_array_equal(knn_search(train[:40], query, 3, low=True)[1], reference(train[:40], query, 3)[1])
    assert [low for low, _ in rounds] == [True]


@pytest.mark.parametrize("fast", [False, True])
def test_either_first_round_matches_float32(fast, monkeypatch):
    "low=True takes the bfloat16 first round, low=False the float32 one: the same answer as low=False."
    rounds = _spy_rounds(monkeypatch)
    for kind in ("random", "clustered", "grid"):
        train, query = hard_set(kind)
        for k in (1, 3):
            rounds.clear()
            d, i = knn_search(train, query, k, low=fast)
            assert rounds[0] == (fast, len(query))
            d32, i32 = knn_search(train, query, k, low=False)
            np.testing.assert_array_equal(i, i32, err_msg=f"{kind} k={k}")
            np.testing.assert_array_equal(i, reference(train, query, k)[1])
            np.testing.assert_allclose(d, d32, rtol=1e-6, atol=1e-12)


def test_default_is_the_float32_round(monkeypatch):
    "The default runs the float32 round (measured the faster near idle, also with AMX): no bfloat16 product is built."
    from alphaearth_nb import knn
    def no_low(*a, **kw): raise AssertionError("the bfloat16 round ran")
    monkeypatch.setattr(knn, "_low_blocks", no_low)
    rng = np.random.default_rng(3)
    train, query = rng.normal(size=(50, 8)).astype(np.float32), rng.normal(size=(40, 8)).astype(np.float32)
    np.testing.assert_array_equal(knn.knn_search(train, query, k=2)[1], reference(train, query, 2)[1])


@pytest.mark.parametrize("low", [False, True])
def test_k_up_to_the_training_size(low):
    "k = N and k = N - 1 (a candidate pool smaller than k + 2) give every row, in float64 order, ties to lower index."
    t = np.eye(4, 64, dtype=np.float32)
    q = np.zeros((2, 64), np.float32); q[0, :4] = 0.5; q[1, :3] = [0.9, 0.3, 0.1]
    for train in (t, np.concatenate([t, t])):
        ref = ((q[:, None].astype(np.float64) - train[None]) ** 2).sum(-1)
        for k in range(1, len(train) + 1):
            d, i = knn_search(train, q, k=k, low=low)
            assert i.shape == (2, k)
            want = np.argsort(ref, 1, kind="stable")[:, :k]
            np.testing.assert_array_equal(i, want)
            np.testing.assert_allclose(d, np.take_along_axis(ref, want, 1), rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("low", [False, True])
def test_bad_query_rows_found_from_the_first_round(low):
    "Query rows are checked from the first round's distances: NaN / inf anywhere among many blocks, either round."
    from alphaearth_nb import knn
    rng = np.random.default_rng(7)
    x = rng.standard_normal((50, 8)).astype("f4")
    q = rng.standard_normal((2 * knn.CALL_BLOCKS * 16 * knn._workers() + 5, 8)).astype("f4")
    q[[3, 400, -1], [0, 7, 2]] = [np.nan, np.inf, -np.inf]
    with pytest.raises(NoValidDataError, match=f"3 of {len(q)} query rows hold NaN/inf"):
        knn_search(x, q, k=2, query_chunk=16, low=low)


@pytest.mark.filterwarnings("ignore:overflow encountered")
def test_huge_finite_query_rows_are_searched():
    "A finite query far enough to overflow float32 sums is no bad row: it is searched (float64 on the host)."
    x = np.random.default_rng(8).standard_normal((40, 4)).astype("f4")
    q = np.concatenate([x[:3], np.array([[3e19, 0, 0, 0], [-1e30, 1e30, 0, 0]], "f4")])
    for k in (1, 3):
        d, i = knn_search(x, q, k)
        np.testing.assert_array_equal(i, reference(x, q, k)[1])


def test_predict_refuses_float_labels():
    "knn_predict votes by knn_vote, which refuses float labels."
    with pytest.raises(LabelError, match="whole class indices"):
        knn_predict(np.eye(3, 2), np.array([0.0, 1.0, 1.0]), np.zeros((1, 2)), 1, 2)


def test_second_round_in_many_blocks_per_call(monkeypatch):
    "Every query uncertified at first (each row thrice): the second round runs CALL_BLOCKS blocks per call, exact."
    from alphaearth_nb import knn
    kcs = []
    multi = knn._knn_blocks
    monkeypatch.setattr(knn, "_knn_blocks", lambda qs, *a, **kw: kcs.append(kw["kc"]) or multi(qs, *a, **kw))
    rng = np.random.default_rng(10)
    train = np.repeat(rng.normal(size=(60, 8)).astype(np.float32), 3, 0)
    query = rng.normal(size=(2 * knn.CALL_BLOCKS * 16 * knn._workers() + 9, 8)).astype(np.float32)
    d, i = knn_search(train, query, 1, query_chunk=16)
    np.testing.assert_array_equal(i, reference(train, query, 1)[1])
    assert set(kcs) == {1 + knn.MARGIN, 4 + knn.MARGIN}  # the first round, then every query with 3 more candidates


@pytest.mark.parametrize("offset, spread", [(2.0**24, 3), (5.6e6, 2.0), (1.7e12, 5000)])
def test_wide_features_keep_the_digits_that_tell_neighbours_apart(offset, spread):
    "float64/int64 features with a large common offset (UTM metres, epoch ms): the float64 brute force's answer."
    rng = np.random.default_rng(7)
    tx = offset + np.round(rng.uniform(0, spread, (300, 2)) * 8) / 8            # points 1/8 apart: exact ties stay exact
    if offset > 1e9: tx = tx.round().astype(np.int64)                           # epoch milliseconds
    qx = tx[rng.permutation(300)[:60]]                                          # exact copies of training rows
    d, i = knn_search(tx, qx, 3)
    want_d, want_i = reference(tx, qx, 3)
    assert (i == want_i).all(), f"{int((i != want_i).any(1).sum())} of 60 queries differ"
    np.testing.assert_allclose(d, want_d, rtol=1e-6, atol=1e-9)
    assert (d[:, 0] == 0).all()


def test_two_to_the_24_and_its_successor():
    d, i = knn_search(np.array([[2.0**24], [2.0**24 + 1]]), np.array([[2.0**24 + 1]]), 1)
    assert i[0, 0] == 1 and d[0, 0] == 0


@pytest.mark.parametrize("train, words", [(np.array([[1.0, "a"], [2.0, 3.0]], object), "not numbers"),
                                          (np.ones((2, 2), complex), "complex"),
                                          (np.array([[3.4e38], [-3.4e38], [-3.4e38]]), "beyond float32")])
# values within float32's range whose distance from the training mean is not (1e39 itself is a no-data row:
# tests/test_beyond_float32_float64_features)
def test_features_that_are_not_real_numbers(train, words):
    with pytest.raises(DTypeError, match=words):
        knn_search(train, np.ones((1, train.shape[1])), 1)


def test_zero_feature_columns():
    with pytest.raises(DimensionError, match="D >= 1"):
        knn_search(np.zeros((3, 0)), np.zeros((1, 0)), 1)


@pytest.mark.parametrize("y", [np.array(["a", "b", "a", "b"]), np.array([[0], [1], [0], [1]])])
def test_knn_predict_labels_not_class_indices(y):
    with pytest.raises(LabelError, match="encode_labels"):
        knn_predict(random_unit((4,), 1), y, random_unit((2,), 2), 1, 2)


def test_classify_warns_about_classes_smaller_than_k():
    "Field kind D: 1 point of class 1 among 4 of class 2, k=3: class 1 vanished from the map (even its own pixel)."
    import warnings
    e = embedding_from_array(random_unit((10, 10), seed=4))
    rc = [(1, 1), (2, 7), (5, 5), (8, 2), (9, 9)]
    pts = pd.DataFrame({"x": [float(e.x[c]) for _, c in rc], "y": [float(e.y[r]) for r, _ in rc], "label": [1, 2, 2, 2, 2]})
    with pytest.warns(LabelWarning, match=r"fewer labelled pixels than k=3 \(class 1: 1\).*k=1"):
        c = e.aef.classify(pts, k=3)["class"].values
    assert c[1, 1] == 2                                  # why it warns: the lone class loses its own labelled pixel
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        assert e.aef.classify(pts, k=1)["class"].values[1, 1] == 1   # k=1: every class keeps its pixels, silent


def test_epoch_ms_over_years_one_ms_apart():
    "Hand-worked (field case D19-1): centred on their mean, these epoch ms are ~3.3e10, where float32 steps by 2048."
    t = np.array([[1_600_000_000_001], [1_600_000_000_000], [1_700_000_000_000]], np.int64)
    d, i = knn_search(t, t[[1]], 2)
    assert i.tolist() == [[1, 0]] and d.tolist() == [[0.0, 1.0]]   # the copy at 0, the row 1 ms off at 1 ms^2


@pytest.mark.parametrize("kind", ["epoch_ms", "utm_mm", "unit64"])
@pytest.mark.parametrize("k, low", [(1, False), (3, False), (3, True)])
def test_neighbours_closer_than_float32_resolves_at_the_spread(kind, k, low):
    "A neighbour listed first, nearer than float32 resolves at the data's spread: float64's answer, the copy at 0."
    rng = np.random.default_rng(19)
    if kind == "epoch_ms":   # three years of epoch milliseconds and a day count; the neighbour 1 ms off
        x = np.c_[rng.integers(1_600_000_000_000, 1_700_000_000_000, 200), rng.integers(0, 365, 200)]
        nb = x + [1, 0]
    elif kind == "utm_mm":   # survey points over 200 km in metres with mm digits; the neighbour 1 mm north
        x = np.round(rng.uniform([4e5, 4.9e6], [6e5, 5.1e6], (200, 2)), 3)
        nb = x + [0, 0.001]
    else:                    # float64 unit vectors; the neighbour 1e-9 off in one component
        x = random_unit((200,), 19).astype(np.float64) + rng.normal(0, 1e-3, (200, 64))
        nb = x.copy(); nb[:, 5] += 1e-9
    train = np.concatenate([nb, x])
    d, i = knn_search(train, x, k, low=low)
    want_d, want_i = reference(train, x, k)
    assert (i == want_i).all(), f"{int((i != want_i).any(1).sum())} of 200 queries differ"
    assert (i[:, 0] == np.arange(200) + 200).all() and (d[:, 0] == 0).all()
    np.testing.assert_allclose(d, want_d, rtol=1e-6)


def _indices_only(train, query, k, **chunks):
    "`knn_indices` (knn_predict's search: no direct sums where the products settle it), its indices (Q, k)."
    return knn_indices(train, query, k, **chunks)


@pytest.mark.parametrize("kind", ["random", "clustered", "grid"])
def test_indices_only_match_float64(kind, monkeypatch):
    """knn_predict's search orders candidates by their products where the gaps exceed the rounding bound and by float64
    elsewhere: on mirrors, copies and grid ties, in one block or many, float64's neighbours in float64's order."""
    used = float64_paths(monkeypatch)
    train, query = hard_set(kind)
    for k in (1, 3, 5):
        for chunks in ({}, dict(query_chunk=32, train_chunk=200)):
            np.testing.assert_array_equal(_indices_only(train, query, k, **chunks), reference(train, query, k)[1],
                                          err_msg=f"{kind} k={k} {chunks}")
    assert used["_rerank_host"] > 0   # near-ties among the products were settled in float64


def test_indices_only_blocks_duplicates_and_k_up_to_n(monkeypatch):
    "Indices only: many blocks per call, rows repeated (second round), k = N, far from the origin: float64's answer."
    from alphaearth_nb import knn
    rng = np.random.default_rng(11)
    train = rng.normal(size=(300, 8)).astype(np.float32)
    query = rng.normal(size=(2 * knn.CALL_BLOCKS * 16 * knn._workers() + 37, 8)).astype(np.float32)
    for tr in (train, np.repeat(train[:60], 3, 0), (train[:, :2] * 50 + 5e5).astype(np.float32)):
        q = query[:, :tr.shape[1]] * (50 if tr.shape[1] == 2 else 1) + (5e5 if tr.shape[1] == 2 else 0)
        for k in (1, 3):
            for chunks in (dict(query_chunk=16), dict(query_chunk=16, train_chunk=128)):
                np.testing.assert_array_equal(_indices_only(tr, q.astype(np.float32), k, **chunks),
                                              reference(tr, q.astype(np.float32), k)[1])
    t = np.eye(4, 64, dtype=np.float32)
    q = np.zeros((2, 64), np.float32); q[0, :4] = 0.5; q[1, :3] = [0.9, 0.3, 0.1]
    for tr in (t, np.concatenate([t, t])):
        for k in range(1, len(tr) + 1):
            np.testing.assert_array_equal(_indices_only(tr, q, k), reference(tr, q, k)[1])
    x = np.c_[rng.integers(1_600_000_000_000, 1_700_000_000_000, 200), rng.integers(0, 365, 200)]   # epoch ms:
    tr = np.concatenate([x + [1, 0], x])                     # wider than float32, so the direct sums' path
    for k in (1, 3):
        np.testing.assert_array_equal(_indices_only(tr, x, k), reference(tr, x, k)[1])


def test_knn_predict_is_the_vote_of_the_exact_neighbours(official):
    "knn_predict (indices only) on D1's copies and one-step neighbours: the vote of the float64 neighbours, k = 1, 3."
    v = official
    train = np.concatenate([one_step(v[:180]), v, v[:20]])
    y = np.arange(len(train)) % 7
    for k in (1, 3):
        pred, frac = knn_predict(train, y, v[:180], k, 7)
        want = knn_vote(y[reference(train, v[:180], k)[1]], 7)
        np.testing.assert_array_equal(pred, want[0])
        np.testing.assert_array_equal(frac, want[1])
    x = np.random.default_rng(8).standard_normal((40, 4)).astype("f4")
    q = np.concatenate([x[:3], np.array([[3e19, 0, 0, 0]], "f4")])
    with pytest.warns(RuntimeWarning, match="overflow"):   # a huge finite query: searched on the host
        assert (knn_predict(x, np.arange(40), q, 1, 40)[0] == reference(x, q, 1)[1][:, 0]).all()
    q[1, 2] = np.nan
    with pytest.raises(NoValidDataError, match="1 of 4 query rows"): knn_predict(x, np.arange(40), q, 1, 40)


def _band_set(gaps: np.ndarray, seed: int = 12) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Queries (Q, 64), and for each its nearest row A and a row B farther by `gaps` x `err` (knn's bound of the
    expansion's rounding, "Why a certificate"), in float64: training rows [A's, B's] (2Q, 64) and the gaps reached."""
    from alphaearth_nb import knn
    rng = np.random.default_rng(seed)
    q = _unit(rng.standard_normal((len(gaps), 64)))
    u, w = _unit(rng.standard_normal((len(gaps), 64))), _unit(rng.standard_normal((len(gaps), 64)))
    a = (q + 0.03 * u).astype(np.float32)
    train = np.concatenate([a, a])                                 # B placed below, once err is known
    mu = train.mean(0, dtype=np.float64).astype(np.float32).astype(np.float64)
    err = lambda t: knn._ERR * 66 * (np.linalg.norm(q - mu, axis=1) + np.linalg.norm(t - mu, axis=1).max()) ** 2
    d = lambda t: ((q.astype(np.float64) - t) ** 2).sum(1)
    for _ in range(3):                                             # B moves mu and max|t| a little: settle
        e = err(train)
        train[len(q):] = (q + np.sqrt(d(a) + gaps * e)[:, None] * w).astype(np.float32)
    return train, q, (d(train[len(q):]) - d(a)) / err(train)


def test_certificate_at_half_the_bound(monkeypatch):
    """The first round's certificate subtracts err / 2 (twice the expansion's rounding bound), not err: a row
    0.8 err beyond the nearest is left out in the first round (until Dec 2026: a second round for each such query),
    and rows from 0.05 err to 2 err beyond it are ranked as float64 ranks them, k = 1, 2, indices only too."""
    rounds = _spy_rounds(monkeypatch)
    train, q, got = _band_set(np.full(64, 0.8))
    assert (abs(got - 0.8) < 0.02).all()
    np.testing.assert_array_equal(knn_search(train, q, 1)[1], reference(train, q, 1)[1])
    assert rounds == [(False, 64)]                                 # the certificate held for every query
    for gaps in (np.linspace(0.05, 2, 64), np.geomspace(1e-3, 0.6, 64)):
        train, q, _ = _band_set(gaps)
        for k in (1, 2):
            for chunks in ({}, dict(train_chunk=32)):
                want = reference(train, q, k)[1]
                np.testing.assert_array_equal(knn_search(train, q, k, **chunks)[1], want)
                np.testing.assert_array_equal(knn_indices(train, q, k, **chunks), want)


def codes_case():
    "Official codes (64 wide int8) where the nearest code (raw numbers) and the nearest vector (de-quantised) differ."
    v = random_unit((3,), 7)
    v[0, 1:] *= np.sqrt(1 - 0.62**2) / np.linalg.norm(v[0, 1:]); v[0, 0] = 0.62   # code 100 in band A00
    c = quantize(v)
    q, a, b = c[:1].copy(), c[:1].copy(), c[:1].astype(np.int16)
    j = np.abs(b[0, 1:]).argmin() + 1
    a[0, 0] -= 10         # 10 codes off in a large component: code distance 100, vector distance 0.014
    b[0, j] += 11         # 11 codes off near 0: code distance 121, vector distance about 1e-4
    return np.concatenate([a, b.astype(np.int8), c[1:]]), q


def test_int8_codes_are_dequantised():
    "Official int8 codes (64 wide) are searched as the vectors they stand for, not as raw numbers (scheme not linear)."
    train, q = codes_case()
    want = reference(dequantize(train), dequantize(q), 2)[1]
    assert want[0, 0] == 1 and reference(train, q, 1)[1][0, 0] == 0     # the two rules disagree here
    for low in (False, True):
        np.testing.assert_array_equal(knn_search(train, q, 2, low=low)[1], want)
        np.testing.assert_array_equal(knn_indices(train, q, 2, low=low), want)
    with pytest.warns(UnitsWarning, match="read unsigned"):                  # as a map or a query reads them
        np.testing.assert_array_equal(knn_search(train.view(np.uint8), q.view(np.uint8), 2)[1], want)
    assert knn_predict(train, np.array([0, 1, 2, 2]), q, 1, 3)[0].tolist() == [1]
    d, _ = knn_search(train, q, 1)
    np.testing.assert_allclose(d, reference(dequantize(train), dequantize(q), 1)[0], rtol=1e-6)


def test_codes_by_the_rule_of_check_xy():
    "A table is codes to knn_search (codes=None) exactly when check_xy decodes it: int16 codes were raw numbers."
    train, q = codes_case()
    want = reference(dequantize(train), dequantize(q), 2)[1]
    assert want[0, 0] == 1 and reference(train, q, 1)[1][0, 0] == 0     # the two readings disagree here
    ty, qy = np.arange(len(train)), np.zeros(len(q))
    for t in (np.int16, np.int32, np.int64, np.float32, np.float64):     # the same codes in other dtypes
        tx, qx = train.astype(t), q.astype(t)
        got = knn_search(tx, qx, 2)[1]
        np.testing.assert_array_equal(got, knn_search(check_xy(tx, ty)[0], check_xy(qx, qy)[0], 2, codes=False)[1])
        np.testing.assert_array_equal(knn_indices(tx, qx, 2), got)
        if t in (np.int16, np.int32, np.int64): np.testing.assert_array_equal(got, want)   # ints: codes
    c = quantize(random_unit((40,), 8))                                  # floats whose rows decode to unit vectors
    np.testing.assert_array_equal(knn_search(c[5:].astype(np.float32), c[:5].astype(np.float32), 3)[1],
                                  reference(dequantize(c[5:]), dequantize(c[:5]), 3)[1])
    for base in (train.astype(np.int16) * 3, (np.abs(train) // 2).astype(np.float32)):   # beyond int8 / rows not unit
        np.testing.assert_array_equal(check_xy(base, ty)[0], base.astype(np.float32))   # numbers to both
        np.testing.assert_array_equal(knn_search(base, base[:1], 2)[1], reference(base, base[:1], 2)[1])
    gap = np.concatenate([train.astype(np.int16), np.full((1, 64), -9999, np.int16)])   # a fill row: still codes
    with pytest.raises(LabelError, match="1 of 5 training rows"):
        knn_search(gap, q, 1)


def test_codes_switch_and_no_data_codes():
    "codes=False: any array as raw numbers; codes=True: 64-wide codes in other dtypes; -128 rows are no data."
    train, q = codes_case()
    assert knn_search(train, q, 1, codes=False)[1][0, 0] == 0                      # raw numbers, as asked
    assert knn_search(train.astype(np.int16), q.astype(np.int16), 1, codes=False)[1][0, 0] == 0
    assert knn_search(train.astype(np.int16), q.astype(np.int16), 1, codes=True)[1][0, 0] == 1
    wide = train.astype(np.int16) * 3                                             # beyond int8: a baseline's numbers
    assert knn_search(wide, q.astype(np.int16) * 3, 1)[1][0, 0] == 0
    np.testing.assert_array_equal(knn_search(train[:, 1:9], q[:, 1:9], 4)[1],       # 8 wide: not codes
                                  reference(train[:, 1:9], q[:, 1:9], 4)[1])
    with pytest.raises(DimensionError, match="64"):
        knn_search(train[:, :8], q[:, :8], 1, codes=True)
    gap = np.concatenate([train, np.full((1, 64), -128, np.int8)])
    with pytest.raises(LabelError, match="1 of 5 training rows"):
        knn_search(gap, q, 1)
    with pytest.raises(NoValidDataError, match="1 of 1 query rows"):
        knn_search(train, np.full((1, 64), -128, np.int8), 1)
