"""fit's record= (new in session 52: a run's `checkpoint.resume_record(out)` read already, so a resume verifies its
checkpoint once) had no door: `record='runs/a'` (a path, as one guesses) or a list raised a bare AttributeError
('str' object has no attribute 'get'); a record given without resume=True was ignored without a word; and the record
of another run folder was taken as this run's (its settings trained `out`). Each is now a ConfigError naming the fix,
before any work; a record of `out` itself (what `aef train --resume` passes) is read as before."""
import jax.numpy as jnp
import pytest

import alphaearth_nb as aef
from alphaearth_nb import checkpoint
from alphaearth_nb.checkpoint import resume_record, save_checkpoint
from alphaearth_nb.core import ConfigError
from alphaearth_nb.stacks import toy_stack


def _run(tmp_path, name="run"):
    run = tmp_path / name
    save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=1, meta={"preset": "tiny", "train": {"steps": 9}})
    return run


def _fit(**kw):
    return aef.fit("tiny", toy_stack(size=32), steps=2, batch_size=2, progress=False, **kw)


@pytest.mark.parametrize("record", ["runs/a", [1]])
def test_a_record_that_is_no_dict_is_refused(tmp_path, record):
    with pytest.raises(ConfigError, match=r"is no run record: pass `aef\.checkpoint\.resume_record\(out\)`"):
        _fit(out=_run(tmp_path), resume=True, record=record)


def test_a_record_without_resume_is_refused(tmp_path):
    run = _run(tmp_path)
    with pytest.raises(ConfigError, match=r"record= is read on a resume only: pass resume=True"):
        _fit(out=tmp_path / "new", record=resume_record(run))
    assert not (tmp_path / "new").exists()


def test_the_record_of_another_run_is_refused(tmp_path):
    a, b = _run(tmp_path, "a"), _run(tmp_path, "b")
    with pytest.raises(ConfigError) as e:
        _fit(out=b, resume=True, record=resume_record(a))
    msg = str(e.value)
    assert f"record= was read from {a.resolve()}, not out={b}" in msg and f"resume_record({str(b)!r})" in msg, msg


def test_the_runs_own_record_is_read(tmp_path):
    run = _run(tmp_path)
    rec = resume_record(run)
    run_record = checkpoint.run_record
    assert run_record(run, True, rec) is rec and run_record(str(run) + "/", True, rec) is rec
    assert run_record(run, True)["step"] == 1 and run_record(run, False) == {} and run_record(None, False) == {}
    assert run_record(run, True, {"step": 1}) == {"step": 1}   # a plain dict: taken as given
