"""`aef train --resume` reads the run's record once (`checkpoint.resume_record`, a `RunRecord`) and hands it to `fit`
(`record=`), which then reads nothing again. An empty record (a resume of a folder with no checkpoint and no settings
recorded, or none that verifies) was passed as None (`record=_run_header(a) or None`), so `fit` read the folder again,
verifying every checkpoint a second time. `resume_record(sound=)` had no caller left (`RunRecord.came` says how a
record was read): gone (session 53's review)."""
import pytest

from alphaearth_nb import checkpoint, train_cmd
from alphaearth_nb.checkpoint import RunRecord, resume_record
from alphaearth_nb.cli import main


class _Stop(Exception): "fit reached: the test ends there"


def test_an_empty_record_reaches_fit_as_read(tmp_path, monkeypatch):
    run, seen, reads = tmp_path / "run", [], []
    run.mkdir()   # a resume of an empty folder: fit starts it, its record {} ('settings': nothing recorded)
    monkeypatch.setattr(checkpoint, "resume_record", lambda *a, **k: reads.append(a) or resume_record(*a, **k))
    monkeypatch.setattr(train_cmd, "resume_record", checkpoint.resume_record)
    def fit(*a, **k):
        seen.append(k["record"])
        raise _Stop
    monkeypatch.setattr(train_cmd.train, "fit", fit)
    with pytest.raises(_Stop): main(["train", "--out", str(run), "--resume", "--preset", "tiny", "--steps", "2"])
    [record] = seen
    assert isinstance(record, RunRecord) and record == {} and record.came == "settings", record   # was: None
    assert len(reads) == 1   # read once, by the command: fit reads no folder again
    assert checkpoint.run_record(run, True, record) is record   # fit's door takes it as it is


def test_a_new_run_passes_no_record(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(train_cmd.train, "fit", lambda *a, **k: seen.append(k["record"]) or (_ for _ in ()).throw(_Stop()))
    with pytest.raises(_Stop): main(["train", "--out", str(tmp_path / "new"), "--preset", "tiny", "--steps", "2"])
    assert seen == [None]   # record= is read on a resume only (fit refuses one without resume=True)


def test_resume_record_has_no_sound_option(tmp_path):
    with pytest.raises(TypeError): resume_record(tmp_path, sound=True)
