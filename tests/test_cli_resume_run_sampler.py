"""`aef train --out r --resume` of a run whose model is recorded as a config (begun in Python from a config of no
preset) passed fit the model's default sampler, so a run begun with `sampler={"frames": 3}` drew 16 frames an example
from then on, and fit's warning told the shell user to "leave sampler= out": the command now passes none on a resume,
and fit takes the run's recorded one. And a run that recorded no stack (`data` None: a corpus or batches given in
Python) resumed with neither --data nor --corpus trained on the sample scene without a word: it is refused, asking
for them."""
import argparse
import warnings

import pytest

import alphaearth_nb as aef
from alphaearth_nb import train, train_cmd
from alphaearth_nb.checkpoint import record_settings, run_folder, run_settings
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, TrainingWarning


class Compiled(Exception): "Raised where the step would compile: the run's settings are recorded by then."


def test_a_resumed_config_run_keeps_its_sampler(tmp_path, monkeypatch):
    monkeypatch.setattr(train, "_cached_step", lambda *a: (_ for _ in ()).throw(Compiled()))
    stack, out, z = aef.stacks.toy_stack(size=40), tmp_path / "r", tmp_path / "s.zarr"
    stack.to_zarr(z)
    with warnings.catch_warnings(), pytest.raises(Compiled):
        warnings.simplefilter("ignore")
        train.fit(aef.model.preset("tiny", decoder_depth=1), stack, steps=2, batch_size=2, out=out,
                  sampler={"frames": 3}, progress=False)
    assert run_settings(out)["preset"] is None and run_settings(out)["sampler"]["frames"] == 3
    with warnings.catch_warnings(record=True) as w, pytest.raises(Compiled):
        warnings.simplefilter("always")
        main(["--no-compile-cache", "train", "--out", str(out), "--resume", "--data", str(z)])
    assert run_settings(out)["sampler"]["frames"] == 3, run_settings(out)["sampler"]   # was 16, the model's default
    said = [str(x.message) for x in w if issubclass(x.category, TrainingWarning) and "sampler" in str(x.message)]
    assert not said, said   # was: 'resuming with sampler frames=16 (the run: 3) ... leave sampler= out'


def _run(tmp_path, **record):
    out = tmp_path / "r"
    with run_folder(out):
        record_settings(out, {"train": {"steps": 2, "batch_size": 2}, "preset": "tiny", **record})
    return out


def test_a_run_of_no_stack_asks_for_its_data(tmp_path):
    out = _run(tmp_path, data=None, sampler=None)   # fit(model, CorpusStream(...)) or batches, in Python
    a = argparse.Namespace(out=out, resume=True, data=None, corpus=None)
    with pytest.raises(ConfigError) as e:
        train_cmd._resume_data(a)   # was: a.data = 'samples', the sample scene trained on
    assert "pass --corpus <its corpus> (or --data <its stack>) with --resume" in str(e.value), e.value
    given = argparse.Namespace(out=out, resume=True, data=None, corpus=str(tmp_path))
    train_cmd._resume_data(given)   # given: taken as given
    assert given.corpus == str(tmp_path) and given.data is None
    older = _run(tmp_path / "o")   # a record without the data key (an older version's): the sample scene, as before
    b = argparse.Namespace(out=older, resume=True, data=None, corpus=None)
    train_cmd._resume_data(b)
    assert b.data == "samples"
