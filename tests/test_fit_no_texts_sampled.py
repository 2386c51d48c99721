"""`fit(sampler={'n_texts': 0})` draws no text by choice, so its CLIP term is 0 as asked: it was told before the
first step to pass `texts=` (which changes nothing at n_texts=0), and, with texts given, warned at step 10 that the
first 10 batches hold no valid text (review_a s52, findings 6 and 12). Neither is said now; a stack without texts at
the sampler's own n_texts is still told."""
import warnings

import pytest

import alphaearth_nb as aef
from alphaearth_nb import train
from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.scene import load_scene

STACK = aef.stacks.toy_stack(size=32)   # tiny's 32 x 32 patch


@pytest.fixture
def said(monkeypatch):
    "TrainingWarnings of a 12-step `fit` whose step is a stand-in (no compile) reporting no valid text."
    monkeypatch.setattr(train, "_cached_step", lambda *a, **k: lambda state, batch: (state, 1.0, {"texts": 0.0}))
    def run(*a, **k):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            train.fit("tiny", *a, steps=12, batch_size=2, progress=False, **k)
        return [str(x.message) for x in w if issubclass(x.category, TrainingWarning) and "text" in str(x.message)]
    return run


def test_no_texts_sampled_is_said_nothing_of_texts(said):
    assert said(STACK, sampler={"n_texts": 0}) == []   # was: "the stack came without texts ...: pass `texts=`"
    stack, texts, _ = load_scene()
    assert said(stack, texts=texts, sampler={"n_texts": 0}) == []   # was: "the first 10 batches hold no valid text"


def test_a_stack_without_texts_is_still_told(said):
    got = said(STACK)
    assert len(got) == 1 and "pass `texts=`" in got[0], got
