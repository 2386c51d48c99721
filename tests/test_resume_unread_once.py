"""The unread-source `SourceWarning` is said once a run: a resume on the stack the run trained on (`aef train --resume`
of a run on a stack of one's own) repeated it with fixes that contradict the resume (`--inputs ...` builds another
model than the run's); a resume on other sources than the run's still says it."""
import warnings

import pytest

from alphaearth_nb import train
from alphaearth_nb.core import SourceWarning
from alphaearth_nb.stacks import toy_stack

CFG = train.TrainConfig(steps=2, warmup=0, batch_size=2, checkpoint_every=1)


def _said(out, stack, **k):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try: train.fit("tiny", stack, out=out, config=CFG, progress=False, **k)
        except Exception as e: pytest.fail(f"fit failed: {e!r}")
    return [str(x.message) for x in w if issubclass(x.category, SourceWarning) and "not read by the model" in str(x.message)]


def _back_to_step_1(run):
    "The run's step-2 checkpoint removed: a resume has a step to train."
    newest = train.latest_checkpoint(run / "checkpoints")
    assert newest.stem.endswith("2"), newest
    for p in (run / "checkpoints").glob(newest.stem + ".*"): p.unlink()


def test_said_at_the_start_not_on_the_resume(tmp_path):
    stack = toy_stack(size=48)   # sentinel2, sentinel1, dem: tiny reads sentinel2
    first = _said(tmp_path / "run", stack)
    assert len(first) == 1 and "dem" in first[0] and "sentinel1" in first[0]
    _back_to_step_1(tmp_path / "run")
    assert _said(tmp_path / "run", stack, resume=True) == []


def test_a_resume_on_other_sources_still_says_it(tmp_path):
    stack = toy_stack(size=48)
    _said(tmp_path / "run", stack.drop_nodes(["sentinel1"]))
    _back_to_step_1(tmp_path / "run")
    said = _said(tmp_path / "run", stack, resume=True)
    assert len(said) == 1 and "sentinel1" in said[0], said
