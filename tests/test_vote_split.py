"vote was split from knn (session 29): knn.knn_vote is the same function, and knn_predict votes through it."
import numpy as np
import pytest

from alphaearth_nb import evaluate, knn, vote
from alphaearth_nb.core import LabelError


def test_knn_re_exports_the_vote():
    assert knn.knn_vote is vote.knn_vote is evaluate.knn_vote and "knn_vote" in knn.__all__


@pytest.mark.parametrize("table", [0, 4096])
def test_knn_predict_votes_by_the_one_vote(table, monkeypatch):
    """A change to the vote reaches knn_predict: no second copy of the rule in knn. knn_predict votes by
    vote.knn_vote_rows (session 44: the labels of the rows, not `train_y[idx]` first), whose table of every label
    combination (`_table`) or, past VOTE_TABLE, whose slices (`_vote`) are knn_vote's own."""
    monkeypatch.setattr(vote, "VOTE_TABLE", table)
    rng = np.random.default_rng(0)
    tx, ty, q = rng.normal(size=(60, 4)), rng.integers(0, 3, 60), rng.normal(size=(50, 4))
    want = knn.knn_predict(tx, ty, q, 3, 3)
    seen = []
    monkeypatch.setattr(vote, "_vote", lambda lab, c, f=vote._vote: seen.append(lab.shape) or f(lab, c))
    monkeypatch.setattr(vote, "_table", lambda c, k, f=vote._table: seen.append((c, k)) or f(c, k))
    got = knn.knn_predict(tx, ty, q, 3, 3)
    assert seen == ([(50, 3)] if table == 0 else [(3, 3)])
    np.testing.assert_array_equal(got[0], want[0]); np.testing.assert_array_equal(got[1], want[1])
    with pytest.raises(LabelError, match="whole class indices"):   # float labels: the vote's own refusal
        knn.knn_predict(tx, ty.astype(float) + 0.5, q, 3, 3)


def test_vote_needs_no_search():
    "The seam: the vote is integer work in numpy; jax stays in knn."
    import ast, inspect
    tree = ast.parse(inspect.getsource(vote))
    mods = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    mods |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level}
    assert not mods & {"jax", "pandas", "xarray", "dask"}, mods
