"""`aef train --out r --resume --steps 3` after `aef train --data <eo-learn patch folder> --out r ...` resumed "on the
sample scene" and was refused with a fix that trains another model: the run did not record its --data. The run now
records where its data was read (`train.DATA_FROM`: kind and path, in the checkpoint header and `.aef-run`), a resume
with --data left out reads it again (said in one line), another --data is refused naming both, a recorded stack that
is gone is named, and a run of an older version that recorded its stack but not its --data asks for it."""
import argparse
import json
import os

import pytest

from alphaearth_nb import run_data, train, train_cmd
from alphaearth_nb.checkpoint import record_settings, run_folder
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, MissingDataError

EO_PRINT = {"sources": ["dem", "ndvi"], "shape": [101, 100], "time": ["2015-07-11T10:00:08", "2017-12-22T10:04:15"]}


def _run(tmp_path, data:dict):
    "A run folder that recorded `data` as it began (no checkpoint yet), as `fit` records it."
    out = tmp_path / "r"
    with run_folder(out):
        record_settings(out, {"train": {"steps": 2, "batch_size": 2}, "preset": "tiny", "data": data})
    return out


def _args(out, data=None, corpus=None):
    return argparse.Namespace(out=out, resume=True, data=data, corpus=corpus)


def test_a_resume_reads_the_recorded_data_and_refuses_other(tmp_path, capsys):
    eo = tmp_path / "eolearn_patch"
    eo.mkdir()
    out = _run(tmp_path, {**EO_PRINT, "from": {"kind": "eolearn", "path": str(eo)}})
    a = _args(out)
    train_cmd._resume_data(a)
    assert a.data == str(eo) and a.corpus is None   # was: 'samples', the sample scene
    assert f"resuming {out} on --data {eo}, the data it was trained on" in capsys.readouterr().err
    for given in ("samples", str(tmp_path / "other.zarr")):
        with pytest.raises(ConfigError) as e:
            train_cmd._resume_data(_args(out, data=given))
        assert f"was trained on --data {eo}, not --data {given}" in str(e.value), e.value
        assert "leave --data out" in str(e.value) and "a new --out" in str(e.value)
    same = _args(out, data=os.path.relpath(eo))   # the same folder by another spelling: resumed
    train_cmd._resume_data(same)
    assert same.data == os.path.relpath(eo)


def test_a_recorded_stack_that_is_gone_is_named(tmp_path):
    gone = tmp_path / "moved.zarr"
    out = _run(tmp_path, {**EO_PRINT, "from": {"kind": "stack", "path": str(gone)}})
    with pytest.raises(MissingDataError, match=f"was trained on --data {gone}, which is not there now: pass --data"):
        train_cmd._resume_data(_args(out))


def test_an_older_run_without_its_data_asks_for_it(tmp_path):
    out = _run(tmp_path, EO_PRINT)   # an older version's record: the stack, not where it was read
    with pytest.raises(ConfigError) as e:
        train_cmd._resume_data(_args(out))
    assert "pass --data <the run's data>" in str(e.value), e.value
    assert "sources dem, ndvi, 100 x 101 pixels, 2015-07-11 .. 2017-12-22" in str(e.value), e.value
    scene_run = _run(tmp_path / "s", {**EO_PRINT, "sources": run_data.SCENE_SOURCES})   # the sample scene's: as it was
    a = _args(scene_run)
    train_cmd._resume_data(a)
    assert a.data == "samples"


def test_a_new_run_records_where_its_data_was_read(shared_data, tmp_path, monkeypatch):
    seen = {}
    def fit(net, stack, **k):
        seen["from"] = run_data.data_print(stack).get("from")
        return type("S", (), {"step": 1})(), [{"step": 1, "loss": 1.0}]
    monkeypatch.setattr(train, "fit", fit)
    eo = shared_data / "eolearn_patch"
    assert main(["--no-compile-cache", "train", "--data", str(eo), "--preset", "tiny", "--inputs", "ndvi",
                 "--targets", "ndvi,dem", "--steps", "1", "--batch-size", "2", "--out", str(tmp_path / "r")]) == 0
    assert seen["from"] == {"kind": "eolearn", "path": str(eo.resolve())}
    assert main(["--no-compile-cache", "train", "--preset", "tiny", "--steps", "1", "--batch-size", "2",
                 "--out", str(tmp_path / "s")]) == 0
    assert seen["from"] == {"kind": "samples"}


@pytest.mark.slow
def test_an_eolearn_run_resumes_on_its_own_data(shared_data, tmp_path, capsys):
    eo, out = shared_data / "eolearn_patch", tmp_path / "r_eo"
    assert main(["train", "--data", str(eo), "--preset", "tiny", "--inputs", "ndvi", "--targets", "ndvi,dem",
                 "--steps", "1", "--batch-size", "2", "--out", str(out)]) == 0
    assert main(["train", "--out", str(out), "--resume", "--steps", "2"]) == 0, capsys.readouterr().err
    said = capsys.readouterr()
    assert "the sample scene" not in said.err and f"on --data {eo.resolve()}, the data it was trained on" in said.err
    assert "trained tiny to step 2: loss" in said.out, said.out
    header = json.loads((out / "checkpoints" / "ckpt_00000002.json").read_text())
    assert header["data"]["from"] == {"kind": "eolearn", "path": str(eo.resolve())}
    assert header["data"]["sources"] == ["dem", "ndvi"]
