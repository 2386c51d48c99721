"""`evaluate_embeddings(folds={1: 4, 10: 2})` also ran "max" at its default 25 folds without a word (newcomer s55
finding 15): a dict naming levels, with `shots` not given, now runs those levels only."""
import warnings

import numpy as np

import alphaearth_nb as aef

X = np.random.default_rng(0).normal(size=(120, 64))
Y = np.repeat([0, 1, 2], 40)

def _levels(**kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = aef.evaluate_embeddings(X, Y, methods=("knn1",), **kw)
    return sorted(map(str, t["shots"].unique())), dict(zip(map(str, t["shots"]), t["folds"]))

def test_a_folds_dict_names_the_levels_run():
    assert _levels(folds={1: 4, 10: 2}) == (["1", "10"], {"1": 4, "10": 2})

def test_shots_given_keep_their_levels():
    levels, _ = _levels(shots=(1, 10, "max"), folds={1: 4, 10: 2})
    assert levels == ["1", "10", "max"]
