"""A folder whose newest checkpoint is damaged loads an older one and says which (name and step), as `load_model`,
`load_checkpoint` and `fit(resume=True)` fall back. Was 'Falling back to an older checkpoint.', which left the user to
find out which step the run went on from (found running field case E5 as a newcomer)."""
import warnings

import jax
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import DamagedCheckpointError, TrainingWarning
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig


def _fit(out, **kw):
    return aef.fit(Standin(key=jax.random.key(0)), standin_batches, out=out, loss_fn=standin_loss,
                   config=TrainConfig(steps=kw.pop("steps", 6), warmup=1, peak_lr=1e-2, batch_size=4),
                   checkpoint_every=2, progress=False, **kw)


def _cut(p): b = p.read_bytes(); p.write_bytes(b[: len(b) // 2])


def test_resume_names_the_checkpoint_it_falls_back_to(tmp_path):
    out = tmp_path / "run"
    _fit(out)
    ck = out / "checkpoints"
    _cut(ck / "ckpt_00000006.eqx")
    with pytest.warns(TrainingWarning, match=r"ckpt_00000006.*cut short.*Falling back to ckpt_00000004\.json "
                                             r"\(step 4\)\."):
        state, _ = _fit(out, resume=True, steps=8)
    assert int(state.step) == 8


def test_two_damaged_both_name_the_one_loaded(tmp_path):
    out = tmp_path / "run"
    _fit(out)
    ck = out / "checkpoints"
    _cut(ck / "ckpt_00000006.eqx"); _cut(ck / "ckpt_00000004.eqx")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        _fit(out, resume=True, steps=8)
    said = [str(x.message) for x in w if issubclass(x.category, TrainingWarning) and "cut short" in str(x.message)]
    assert len(said) == 2 and all(s.endswith("Falling back to ckpt_00000002.json (step 2).") for s in said)
    assert "ckpt_00000006" in said[0] and "ckpt_00000004" in said[1]   # newest first


def test_all_damaged_says_none_is_whole(tmp_path):
    out = tmp_path / "run"
    _fit(out, steps=2)
    _cut(out / "checkpoints" / "ckpt_00000002.eqx")
    with pytest.raises(DamagedCheckpointError, match="every checkpoint in .* is damaged, so none is loaded") as e:
        _fit(out, resume=True, steps=4)   # said once, in the error (was also a warning 'No older ... whole either')
    assert "load an older checkpoint" not in str(e.value), str(e.value)
