"""`fit(resume=True)` took the run's recorded TrainConfig for what the caller left out, but not its sampler: a run
begun with `sampler={"frames": 3}` and resumed without `sampler=` drew 8 frames an example (the model's own) from
then on, with no word (its header then recorded frames [['sentinel2', 8]]). A resume given no sampler now takes the
run's recorded one; one given that differs is the caller's, warned."""
import warnings

import pytest

import alphaearth_nb as aef
from alphaearth_nb import train
from alphaearth_nb.checkpoint import run_settings
from alphaearth_nb.core import TrainingWarning

STACK = aef.stacks.toy_stack(size=40)


class Compiled(Exception): "Raised where the step would compile: the run's settings are recorded by then."


def _fit(monkeypatch, **k) -> list[str]:
    monkeypatch.setattr(train, "_cached_step", lambda *a: (_ for _ in ()).throw(Compiled()))
    with warnings.catch_warnings(record=True) as w, pytest.raises(Compiled):
        warnings.simplefilter("always")
        train.fit("tiny", STACK, progress=False, **k)
    return [str(x.message) for x in w if issubclass(x.category, TrainingWarning)]


def test_a_resume_draws_as_the_run_drew(tmp_path, monkeypatch):
    out = tmp_path / "r"
    _fit(monkeypatch, steps=2, batch_size=2, out=out, sampler={"frames": 3, "n_texts": 2})
    assert (run_settings(out)["sampler"]["frames"], run_settings(out)["sampler"]["n_texts"]) == (3, 2)
    said = _fit(monkeypatch, out=out, resume=True)
    assert (run_settings(out)["sampler"]["frames"], run_settings(out)["sampler"]["n_texts"]) == (3, 2), \
        run_settings(out)["sampler"]   # was [['sentinel2', 8]], 4: the model's own
    assert not [s for s in said if "sampler" in s], said


def test_a_sampler_given_that_differs_is_the_callers_and_warned(tmp_path, monkeypatch):
    out = tmp_path / "r"
    _fit(monkeypatch, steps=2, batch_size=2, out=out, sampler={"frames": 3})
    said = _fit(monkeypatch, out=out, resume=True, sampler={"frames": 5})
    assert run_settings(out)["sampler"]["frames"] == 5
    assert [s for s in said if "resuming with sampler frames=5 (the run: 3)" in s], said
