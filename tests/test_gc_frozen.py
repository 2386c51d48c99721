"runtime.gc_frozen around the first call of the training step and of embed: the objects alive on entry are handed back to "
"Python's collector on exit, also when the first call raises; a caller's own freeze and a disabled collector are left alone."
import gc

import jax
import pytest

from alphaearth_nb.runtime import gc_frozen
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, init_state, make_optimizer, make_train_step


def test_gc_frozen_hands_back_and_respects_callers():
    entry = gc.get_freeze_count()
    with pytest.raises(ZeroDivisionError):
        with gc_frozen():
            assert gc.get_freeze_count() > entry
            1 / 0
    assert gc.get_freeze_count() == entry and gc.isenabled()
    gc.freeze()
    try:
        mine = gc.get_freeze_count()  # frozen objects freed meanwhile (other threads too) lower the count: compare
        with gc_frozen(): assert 0 < gc.get_freeze_count() <= mine  # no second freeze on top of the caller's
        assert gc.get_freeze_count() > 0  # the caller's freeze stays: gc_frozen did not unfreeze on exit
    finally: gc.unfreeze()
    gc.disable()
    try:
        with gc_frozen(): assert gc.get_freeze_count() == entry  # collector off: nothing to do
    finally: gc.enable()


def _seen_frozen(loss_fn, seen):
    "loss_fn, noting at trace time whether objects were frozen then."
    def loss(model, batch, key):
        seen.append(gc.get_freeze_count())
        return loss_fn(model, batch, key)
    return loss


@pytest.mark.parametrize("split", [False, True])  # one program, or the CPU's two compiled side by side
def test_step_first_call_frozen_then_handed_back(split):
    opt = make_optimizer(TrainConfig(steps=10, warmup=0, peak_lr=1e-2))
    state, batches, seen = init_state(Standin(key=jax.random.PRNGKey(0)), opt), standin_batches(), []
    entry = gc.get_freeze_count()
    step = make_train_step(_seen_frozen(standin_loss, seen), opt, split=split)
    state, loss, _ = step(state, next(batches))
    assert seen and seen[0] > entry  # traced with the older objects out of the collector's sight
    assert gc.get_freeze_count() == entry and gc.isenabled()
    state, loss, _ = step(state, next(batches))  # later calls: no freeze (no trace)
    assert gc.get_freeze_count() == entry


def test_step_first_call_that_raises_hands_back():
    def broken(model, batch, key): raise ValueError("a mistake in the loss")
    opt = make_optimizer(TrainConfig(steps=10, warmup=0, peak_lr=1e-2))
    state, entry = init_state(Standin(key=jax.random.PRNGKey(0)), opt), gc.get_freeze_count()
    with pytest.raises(ValueError, match="a mistake in the loss"):
        make_train_step(broken, opt)(state, next(standin_batches()))
    assert gc.get_freeze_count() == entry and gc.isenabled()


def test_embed_first_call_frozen_then_handed_back(monkeypatch):
    import equinox as eqx
    import jax.numpy as jnp
    from alphaearth_nb import embed
    monkeypatch.setattr(embed, "_JITTED", {})  # as in a fresh process: the jit is made by this call
    seen = []
    class Model(eqx.Module):
        w: jax.Array
        def __call__(self, inputs, periods):
            seen.append(gc.get_freeze_count())
            if not self.w.shape: raise ValueError("a mistake in the model")
            return jnp.broadcast_to(self.w.sum() * inputs["x"].sum(), (periods.shape[0], 2, 2, 3))
    entry, period = gc.get_freeze_count(), jnp.zeros(2)
    with pytest.raises(ValueError, match="a mistake in the model"):
        embed._embed_batch(Model(jnp.ones(())), {"x": jnp.ones((2, 4))}, period)
    assert seen[-1] > entry and gc.get_freeze_count() == entry
    monkeypatch.setattr(embed, "_JITTED", {})
    assert embed._embed_batch(Model(jnp.ones(1)), {"x": jnp.ones((2, 4))}, period).shape == (2, 2, 2, 3)
    assert seen[-1] > entry and gc.get_freeze_count() == entry and gc.isenabled()
    n = len(seen)
    embed._embed_batch(Model(jnp.ones(1)), {"x": jnp.ones((2, 4))}, period)  # cached: no trace, no freeze
    assert len(seen) == n and gc.get_freeze_count() == entry
    embed._embed_batch(Model(jnp.ones(1)), {"x": jnp.ones((3, 4))}, period)  # a new shape: traced again, frozen
    assert len(seen) == n + 1 and seen[-1] > entry and gc.get_freeze_count() == entry


def test_step_new_signature_traces_frozen_again():
    "A step called with a batch of a new shape traces again, and that trace is frozen as the first was."
    opt = make_optimizer(TrainConfig(steps=10, warmup=0, peak_lr=1e-2))
    state, seen, entry = init_state(Standin(key=jax.random.PRNGKey(0)), opt), [], gc.get_freeze_count()
    step, batch = make_train_step(_seen_frozen(standin_loss, seen), opt), next(standin_batches())
    state, _, _ = step(state, batch)
    bigger = jax.tree.map(lambda x: jax.numpy.concatenate([x, x]) if getattr(x, "ndim", 0) else x, batch)
    state, loss, _ = step(state, bigger)
    assert len(seen) == 2 and all(n > entry for n in seen) and gc.get_freeze_count() == entry
    assert jax.numpy.isfinite(loss)
