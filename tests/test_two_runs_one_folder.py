"A run folder holding two runs' checkpoints (copied together) is named on load and resume: which is taken, the other."
import dataclasses
import shutil
import warnings

import equinox as eqx
import jax
import pytest

from alphaearth_nb.checkpoint import load_checkpoint, read_header, save_checkpoint
from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit, init_state, make_optimizer

CFG = TrainConfig(steps=4, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2, keep=5)
KW = dict(loss_fn=standin_loss, progress=False)


def _fit(out, resume=False, **kw):
    cfg = dataclasses.replace(CFG, **kw)
    return fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, config=cfg, resume=resume, **KW)


def _runs(w):
    return [str(x.message) for x in w if "more than one run" in str(x.message)]


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    d = tmp_path_factory.mktemp("two")
    _fit(d / "a")                   # seed 0: steps 2, 4
    _fit(d / "b", steps=6, seed=1)  # seed 1: steps 2, 4, 6
    return d


def test_a_run_keeps_one_id_across_a_resume(two, tmp_path):
    shutil.copytree(two / "a", tmp_path / "a")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        _fit(tmp_path / "a", True, steps=6, seed=5)   # resumed with another seed: warned as such, still one run
    ids = {read_header(p)["run"] for p in (tmp_path / "a" / "checkpoints").glob("ckpt_*.json")}
    assert len(ids) == 1 and len(next(iter(ids))) == 8
    assert not _runs(w) and any("seed=5 (the run: 0)" in str(x.message) for x in w)
    assert read_header(two / "b" / "checkpoints" / "ckpt_00000006.json")["run"] not in ids   # another run: its own


def test_another_runs_checkpoint_copied_in_is_named_on_resume(two, tmp_path):  # was: taken silently
    a = shutil.copytree(two / "a", tmp_path / "a") / "checkpoints"
    for suffix in (".json", ".eqx"): shutil.copy(two / "b" / "checkpoints" / f"ckpt_00000006{suffix}", a)
    b_id = read_header(a / "ckpt_00000006.json")["run"]
    with pytest.warns(TrainingWarning) as w:
        state, _ = _fit(tmp_path / "a", True, steps=8, seed=1)
    said = _runs(w)
    assert len(said) == 1 and int(state.step) == 8
    assert "steps 2, 4 (seed 0, run " in said[0] and f"than step 6 (seed 1, run {b_id})" in said[0]
    assert "ckpt_00000006.json, the newest that loads, is loaded" in said[0] and "move ckpt_00000006.* out" in said[0]


def test_checkpoints_without_run_ids_are_told_apart_by_seed(two, tmp_path):  # written before ids: their seeds
    d = tmp_path / "c"
    like = eqx.filter_eval_shape(init_state, Standin(key=jax.random.PRNGKey(0)), make_optimizer(CFG))
    for run, step in (("a", 2), ("a", 4), ("b", 6)):
        src = two / run / "checkpoints" / f"ckpt_{step:08d}"
        state, h = load_checkpoint(src.with_suffix(".json"), like)
        save_checkpoint(d, state, {k: v for k, v in h.items() if k not in ("run", "format", "step", "time", "jax",
                                                                           "bytes", "sha256")}, keep=5)
    with pytest.warns(TrainingWarning, match=r"steps 2, 4 \(seed 0\) are of another run than step 6 \(seed 1\)"):
        load_checkpoint(d, like)
