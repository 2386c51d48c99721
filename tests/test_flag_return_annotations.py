"""A flag that adds an array to what a function returns is said in its annotation and docstring (s48 review):
`training_set(..., at=True)` returns (x, y, at) where the annotation said `tuple[np.ndarray, np.ndarray]` (so did
`gated_training_set`'s), and `evaluate_embeddings(..., return_folds=True)` returns (table, per_fold) where it said
`pd.DataFrame`. Each call's result must match one form its annotation gives."""
import typing

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import evaluate, supervised
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit


def _forms(fn) -> list:
    "The return forms `fn`'s annotation gives: each arm of a union, as (origin, args) of a tuple or the type itself."
    ret = typing.get_type_hints(fn)["return"]
    arms = typing.get_args(ret) if typing.get_origin(ret) in (typing.Union, __import__("types").UnionType) else (ret,)
    return [(typing.get_origin(a) or a, typing.get_args(a)) for a in arms]


def _matches(result, forms) -> bool:
    for origin, args in forms:
        if origin is tuple and isinstance(result, tuple) and len(result) == len(args) and \
                all(isinstance(r, a) for r, a in zip(result, args)): return True
        if origin is not tuple and isinstance(result, origin): return True
    return False


def _map_and_labels():
    emb = embedding_from_array(random_unit((6, 7), seed=4))
    lab = xr.DataArray((np.arange(42).reshape(6, 7) % 3).astype(np.int16), dims=("y", "x"),
                       coords={"y": emb.y, "x": emb.x})
    return emb, lab


@pytest.mark.parametrize("at", [False, True])
@pytest.mark.parametrize("fn", ["training_set", "gated_training_set"])
def test_training_set_returns_what_its_annotation_says(fn, at):
    emb, lab = _map_and_labels()
    f = getattr(supervised, fn)
    got = f(emb if fn == "training_set" else as_embedding(emb), lab, at=at)
    assert len(got) == 2 + at and _matches(got, _forms(f)), (fn, at, [type(g) for g in got], _forms(f))
    assert ("`(x, y, at)`" in f.__doc__) and ("`(x, y)`" in f.__doc__), f.__doc__[:300]


@pytest.mark.parametrize("return_folds", [False, True])
def test_evaluate_embeddings_returns_what_its_annotation_says(return_folds):
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(60, 8)), np.repeat(np.arange(3), 20)
    got = evaluate.evaluate_embeddings(x, y, shots=(2,), folds=3, return_folds=return_folds)
    assert _matches(got, _forms(evaluate.evaluate_embeddings)), (type(got), _forms(evaluate.evaluate_embeddings))
    assert "`(table, per_fold)`" in evaluate.evaluate_embeddings.__doc__
    if return_folds: assert isinstance(got[1], pd.DataFrame) and {"fold", "balanced_accuracy"} <= set(got[1].columns)
