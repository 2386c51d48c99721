"The bfloat16 first round's columns (`low=True`): D + 4 wide, and each score a lower bound of the float32 expansion."
import numpy as np
import pytest


def _scores(train, query):
    "The bfloat16 round's scores (float64 sums of its exact bfloat16 products) and the exact expansions |t|^2 - 2 q.t."
    import jax.numpy as jnp
    from alphaearth_nb import knn
    aug, _, _, _, mu, c = knn._train_blocks(train, 8192)
    cols = np.asarray(knn._low_blocks(np.asarray(aug))[0]).astype(np.float64)        # (C, K)
    qa = np.asarray(knn._low_query(jnp.asarray(query) - mu)).astype(np.float64)       # (Q, K)
    t = (train - np.asarray(mu, np.float64)).astype(np.float32).astype(np.float64)   # the centred rows searched
    q = (query - np.asarray(mu, np.float64)).astype(np.float32).astype(np.float64)
    exact = (t * t).sum(1)[:, None] - 2 * t @ q.T                                    # (N, Q)
    return cols, qa, (cols @ qa.T)[:len(train)], exact, t, q


@pytest.mark.parametrize("dim", [64, 61, 3])
def test_columns_are_d_plus_4_rounded_up_to_4(dim):
    "K = D + 4 (-2 t, |t|^2 in two parts, |t - t_b|, |t|), zero columns to a multiple of 4: 68 for 64 bands (was 72)."
    rng = np.random.default_rng(0)
    cols, qa, *_ = _scores(rng.normal(size=(40, dim)).astype(np.float32), rng.normal(size=(5, dim)).astype(np.float32))
    want = -(-(dim + 4) // 4) * 4                                                    # 68, 68, 8
    assert cols.shape[1] == qa.shape[1] == want
    assert (cols[:, dim + 4:] == 0).all() and (qa[:, dim + 4:] == 0).all()
    assert (qa[:, dim:dim + 2] == 1).all()                                           # |t|^2's two parts, added once


@pytest.mark.parametrize("scale", [1.0, 1e-3, 300.0])
def test_scores_are_lower_bounds_within_the_conversion_bound(scale):
    """Every score <= the exact expansion, by at most 4 (|q_b| |r_t| + |r_q| |t|) (1 + 2^-6) + 2^-13 |t|^2 (hand bound:
    the conversion moves 2 q.t by up to 2 (...), and the bound columns take 2 (...) rounded up off it)."""
    import jax.numpy as jnp
    rng = np.random.default_rng(1)
    train = (rng.normal(size=(300, 64)) * scale).astype(np.float32)
    query = (rng.normal(size=(50, 64)) * scale).astype(np.float32)
    cols, qa, score, exact, t, q = _scores(train, query)
    assert (score <= exact).all()                                                    # the certificate's premise
    tb = t.astype(jnp.bfloat16).astype(np.float64); qb = q.astype(jnp.bfloat16).astype(np.float64)
    rt, rq = np.linalg.norm(t - tb, axis=1), np.linalg.norm(q - qb, axis=1)
    nt, nqb = np.linalg.norm(t, axis=1), np.linalg.norm(qb, axis=1)
    bound = 4 * (rt[:, None] * nqb[None] + nt[:, None] * rq[None]) * (1 + 2.0**-6) + 2.0**-13 * (nt ** 2)[:, None]
    assert (exact - score <= bound).all()
    assert (exact - score).max() > bound.max() / 20                                  # the bound is no empty promise
