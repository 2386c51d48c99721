"N19-1: `fit` warns once when the batch-uniformity term stays at its collapsed value (every pixel one direction)."
import warnings

import jax
import jax.numpy as jnp
import pytest

from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.losses import collapse_watch, embedding_spread, uniformity_loss
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit

CFG = TrainConfig(steps=12, warmup=2, peak_lr=1e-2, batch_size=8, checkpoint_every=6)


def _with_embedding(embed, examples=None):
    "A loss whose aux carries the real uniformity and spread terms of `embed(model, x)` -> (B, E) unit vectors (one "
    "pixel each), of the batch's first `examples` (None: all; 1: what a batch_size=1 run sees)."
    def loss_fn(model, batch, key):
        loss, aux = standin_loss(model, batch, key)
        u = embed(model, batch["x"])[:examples, None, None]
        return loss, {**aux, "uniformity": uniformity_loss(u), "spread": embedding_spread(u)}
    return loss_fn


def constant(model, x):   # a model whose output is one direction whatever the input: collapsed
    pred = jax.vmap(model)(x)
    return jnp.ones((x.shape[0], 16)) / 4.0 + 0.0 * pred[:, None]


def spread(model, x):     # the inputs' own directions (random normal in 8 dims): mean |cos| about 0.3
    pred = jax.vmap(model)(x)
    return x / jnp.linalg.norm(x, axis=-1, keepdims=True) + 0.0 * pred[:, None]


def test_fit_warns_once_on_a_collapsed_run():
    with pytest.warns(TrainingWarning, match="collapsed") as rec:
        _, hist = fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, config=CFG,
                      loss_fn=_with_embedding(constant), progress=False)
    assert all(abs(h["uniformity"] - 1.0) < 1e-6 for h in hist)   # the term is at its collapsed value, 1
    msgs = [str(w.message) for w in rec if "collapsed" in str(w.message)]
    assert len(msgs) == 1                                          # once, not every step after
    assert "step 10" in msgs[0] and "1.000" in msgs[0]             # the step and the figure
    assert "peak_lr" in msgs[0] and "batch_size" in msgs[0] and "LossWeights.uniformity" in msgs[0]


def test_fit_is_quiet_on_spread_embeddings():
    with warnings.catch_warnings():
        warnings.simplefilter("error", TrainingWarning)
        _, hist = fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, config=CFG,
                      loss_fn=_with_embedding(spread), progress=False)
    assert max(h["uniformity"] for h in hist) < 0.6 and min(h["spread"] for h in hist) > 0.5


def test_fit_warns_on_a_collapse_the_uniformity_term_cannot_see():
    "One example per batch: the uniformity term is 0 whatever the model does; the spread names the collapse (S19)."
    with pytest.warns(TrainingWarning, match="collapsed") as rec:
        _, hist = fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, config=CFG,
                      loss_fn=_with_embedding(constant, examples=1), progress=False)
    assert all(h["uniformity"] == 0.0 and h["spread"] < 1e-6 for h in hist)
    msgs = [str(w.message) for w in rec if "collapsed" in str(w.message)]
    assert len(msgs) == 1 and "step 10" in msgs[0]
    assert "spread" in msgs[0] and "pairwise cosine" in msgs[0] and "uniformity term" not in msgs[0]   # the cause seen


def test_the_watch_counts_steps_in_a_row():
    run = 0
    with warnings.catch_warnings():
        warnings.simplefilter("error", TrainingWarning)
        for k in range(9): run = collapse_watch({"step": k + 1, "uniformity": 0.99}, run)
        run = collapse_watch({"step": 10, "uniformity": 0.5}, run)      # one spread step starts the count again
        assert run == 0
        for k in range(9): run = collapse_watch({"step": k + 11, "uniformity": 0.96}, run)
    with pytest.warns(TrainingWarning, match="step 20.*0.970"):
        run = collapse_watch({"step": 20, "uniformity": 0.97}, run)
    assert collapse_watch({"step": 21, "uniformity": 0.99}, run) == run  # warned: quiet from here on
    assert collapse_watch({"step": 1, "loss": 1.0}, 0) == 0              # a loss without the term: nothing to watch
