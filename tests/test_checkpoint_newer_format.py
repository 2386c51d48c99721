"A checkpoint a newer alphaearth_nb wrote (format alphaearth_nb.train/2): named as such, never skipped (kind E)."

import hashlib
import json
import warnings

import jax
import pytest

from alphaearth_nb.checkpoint import is_run, load_checkpoint
from alphaearth_nb.core import CheckpointError
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit

CFG = TrainConfig(steps=4, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2)


def _fit(out, **kw):
    return fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, config=CFG, loss_fn=standin_loss,
               progress=False, **kw)


def _as_format(ck, fmt):
    "Rewrite checkpoint `ck` (its .json) as a package writing `fmt` would: both headers, their size and checksum."
    eqx = ck.with_suffix(".eqx")
    first, rest = eqx.read_bytes().split(b"\n", 1)
    h = json.loads(first); h["format"] = fmt
    raw = (json.dumps(h) + "\n").encode() + rest
    eqx.write_bytes(raw)
    h.update(bytes=len(raw), sha256=hashlib.sha256(raw).hexdigest())
    ck.write_text(json.dumps(h, indent=1))
    return raw


@pytest.fixture
def newer(tmp_path):
    run = tmp_path / "run"
    state, _ = _fit(run)
    ck = run / "checkpoints" / "ckpt_00000004.json"
    return run, ck, _as_format(ck, "alphaearth_nb.train/2"), state


def test_loading_it_names_the_upgrade(newer):
    run, ck, _, state = newer
    for where in (run, ck):   # a folder: never an older checkpoint in its place, without a word that it is newer
        with pytest.raises(CheckpointError, match="newer alphaearth_nb") as e:
            load_checkpoint(where, state)
        assert "pip install -U alphaearth_nb" in str(e.value) and "not an alphaearth_nb checkpoint" not in str(e.value)
    assert is_run(run)


def test_resume_leaves_it_whole(newer):
    run, ck, raw, _ = newer
    with pytest.raises(CheckpointError, match="newer alphaearth_nb"):
        _fit(run, resume=True)   # was: resumed from step 2 and wrote its own step 4 over the newer one
    assert ck.with_suffix(".eqx").read_bytes() == raw and json.loads(ck.read_text())["format"] == "alphaearth_nb.train/2"


def test_another_tools_format_is_still_skipped(newer):
    run, ck, _, state = newer
    _as_format(ck, "other_tool/1")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        _, header = load_checkpoint(run, state)
    assert header["step"] == 2 and any("not an alphaearth_nb checkpoint" in str(x.message) for x in w)
