"A metrics.jsonl with damaged lines anywhere (a full disk mid-append, then the run's last append; an edit): read and "
"resumed over, never a raw JSONDecodeError that stops the run from resuming (kind E)."
import json
import warnings

import jax
import pytest

from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit, read_metrics

CFG = TrainConfig(steps=6, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2, keep=5)


def _fit(out, **kw):
    return fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, config=CFG, loss_fn=standin_loss,
               progress=False, **kw)


def _rec(k): return json.dumps({"step": k, "loss": 1.0 / k})


@pytest.mark.parametrize("bad", ['{"step": 2, "lo', "[1, 2]", "7", '{"loss": 0.5}', '{"step": "two"}'])
def test_a_damaged_line_inside_is_passed_over_and_named(tmp_path, bad):
    p = tmp_path / "metrics.jsonl"
    p.write_text("\n".join([_rec(1), bad, _rec(3)]) + "\n")
    with pytest.warns(TrainingWarning, match="line 2"):
        got = read_metrics(p)
    assert [r["step"] for r in got] == [1, 3]


def test_a_cut_last_line_is_dropped_quietly(tmp_path):   # a run killed mid-append: expected, no warning
    p = tmp_path / "metrics.jsonl"
    p.write_text(_rec(1) + "\n" + _rec(2)[:9])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [r["step"] for r in read_metrics(p)] == [1]


def test_resume_goes_on_over_a_damaged_line(tmp_path):
    out = tmp_path / "run"
    _fit(out, steps=4)
    m = out / "metrics.jsonl"
    lines = m.read_text().splitlines()
    m.write_text("\n".join([lines[0][:20]] + lines[1:]) + "\n")   # step 1's record cut, the later ones whole
    with pytest.warns(TrainingWarning, match="line 1"):
        state, hist = _fit(out, resume=True)
    assert int(state.step) == 6 and [r["step"] for r in hist] == [2, 3, 4, 5, 6]
    assert [r["step"] for r in read_metrics(m)] == [2, 3, 4, 5, 6]   # rewritten whole: no damaged line left
