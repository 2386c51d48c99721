"One run per folder and checked checkpoints (checkpoint.run_folder, verify_checkpoint; fit): field cases E3-E6."
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

import equinox as eqx
import jax
import numpy as np
import pytest

from alphaearth_nb.checkpoint import (LOCK, is_run, latest_checkpoint, load_checkpoint, own_checkpoints, read_header,
                                      run_folder, verify_checkpoint)
from alphaearth_nb.core import (CheckpointError, DamagedCheckpointError, FileWarning, NotOursError, OutputExistsError,
                               RunLockedError, TrainingWarning)
from alphaearth_nb.testing import Standin, disk_full, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit, init_state, make_optimizer, read_metrics

CFG = TrainConfig(steps=6, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2, keep=5)
KW = dict(config=CFG, loss_fn=standin_loss, progress=False)


def _fit(out, data=standin_batches, **kw):
    return fit(Standin(key=jax.random.PRNGKey(0)), data, out=out, **{**KW, **kw})


def _like():
    return eqx.filter_eval_shape(init_state, Standin(key=jax.random.PRNGKey(0)), make_optimizer(CFG))


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("runs") / "run"
    state, hist = _fit(out)
    return out, state, hist


def test_same_folder_twice_is_refused(run, tmp_path):  # E3
    out, state, _ = run
    before = (out / "metrics.jsonl").read_text()
    with pytest.raises(OutputExistsError, match="resume=True.*overwrite=True"): _fit(out)
    assert (out / "metrics.jsonl").read_text() == before  # nothing truncated, nothing overwritten
    new = tmp_path / "again"
    _fit(new, steps=4)
    state2, _ = _fit(new, overwrite=True, data=lambda p: standin_batches(p, seed=3))
    got, header = load_checkpoint(new / "checkpoints", _like())
    assert header["step"] == 6 and len(read_metrics(new / "metrics.jsonl")) == 6  # the new run only
    np.testing.assert_array_equal(np.asarray(got.model.l1.weight), np.asarray(state2.model.l1.weight))


def test_a_run_folder_is_refused_before_the_data_is_called(run, tmp_path):
    "Was: fit drew a data function's first batch (to weigh it), then the folder was refused."
    out, calls = run[0], []
    def data(position): calls.append(position); return standin_batches(position)
    before = sorted(p.name for p in out.rglob("*"))
    with pytest.raises(OutputExistsError, match="holds a run"): _fit(out, data=data)
    assert calls == [] and sorted(p.name for p in out.rglob("*")) == before   # never called, nothing written
    with pytest.raises(NotOursError, match="left alone"): _fit(run[0] / "checkpoints", data=data)
    assert calls == []
    with pytest.warns(TrainingWarning) as rec: _fit(tmp_path / "fresh", resume=True, steps=2, data=data)
    assert [str(w.message).count("no checkpoint to resume") for w in rec] == [1] and calls == [0]   # warned once


FOREIGN = {"thesis": {"thesis.tex": "years of work"},
           "lightning": {"checkpoints/epoch=3.ckpt": "lightning weights"},  # another trainer's run
           "logger": {"metrics.jsonl": '{"epoch": 1, "acc": 0.9}\n'}}        # another logger's metrics


@pytest.mark.parametrize("case", FOREIGN)
def test_a_folder_of_other_files_is_never_touched(tmp_path, case):  # E-1: only our marker or checkpoints make a run
    for name, text in FOREIGN[case].items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True); (tmp_path / name).write_text(text)
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    for kw in ({}, {"overwrite": True}, {"resume": True}):
        with pytest.raises(NotOursError, match="left alone") as e: _fit(tmp_path, **kw)
        assert "overwrite=True" not in str(e.value)  # the advice must not be the one that deletes it
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before  # not even a lock left
    assert all((tmp_path / name).read_text() == text for name, text in FOREIGN[case].items())


def test_without_the_marker_only_our_checkpoints_make_a_run(run, tmp_path):  # a run from before `.aef-run`
    out = tmp_path / "old"; shutil.copytree(run[0], out); (out / ".aef-run").unlink()
    other = tmp_path / "other"; shutil.copytree(out, other)
    for h in (other / "checkpoints").glob("ckpt_*.json"):  # the same names, another tool's format
        h.write_text(json.dumps({**json.loads(h.read_text()), "format": "othertool/1"}))
    before = {p: p.read_bytes() for p in other.rglob("*") if p.is_file()}
    for kw in ({}, {"overwrite": True}, {"resume": True}):
        with pytest.raises(NotOursError, match="left alone"): _fit(other, **kw)
    assert {p: p.read_bytes() for p in other.rglob("*") if p.is_file()} == before
    with pytest.raises(OutputExistsError, match="resume=True") as e: _fit(out)
    assert not isinstance(e.value, NotOursError)
    state, hist = _fit(out, resume=True, steps=8)
    assert int(state.step) == 8 and [h["step"] for h in hist] == list(range(1, 9))


def _writing(d, pid):  # a run of ours starting in `d`: its lock taken, its marker half-written
    d.mkdir()
    (d / LOCK).write_text(json.dumps({"pid": pid, "host": socket.gethostname(), "started": time.time()}))
    (d / f"..aef-run.partial-{pid}-0123abcd").write_text("")


def test_a_run_being_started_is_named_not_called_foreign(tmp_path):  # E-2, the instant the newcomer hit
    _writing(tmp_path / "run", os.getpid())
    for kw in ({}, {"overwrite": True}, {"resume": True}):
        with pytest.raises(RunLockedError, match=f"pid {os.getpid()} on host {socket.gethostname()}"):
            _fit(tmp_path / "run", **kw)


def test_our_leftover_half_written_files_do_not_make_a_folder_foreign(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    _writing(tmp_path / "run", int(dead.stdout))  # a run killed while starting: a stale lock, a partial marker
    with pytest.warns(FileWarning, match="stale lock"): state, _ = _fit(tmp_path / "run", steps=2)
    assert int(state.step) == 2 and latest_checkpoint(tmp_path / "run" / "checkpoints") is not None


def _two_at_once(out):
    "Start two writers on `out` at the same instant; the one that gets it holds it until the other is answered."
    start, cond, got = threading.Barrier(2), threading.Condition(), []
    def writer():
        start.wait()
        try:
            with run_folder(out):
                with cond:
                    got.append("held"); cond.notify_all()
                    cond.wait_for(lambda: len(got) == 2, timeout=120)
        except Exception as e:
            with cond: got.append(e); cond.notify_all()
    threads = [threading.Thread(target=writer) for _ in range(2)]
    for t in threads: t.start()
    for t in threads: t.join()
    return got


def test_two_writers_at_once_the_second_is_told_who_holds_it(tmp_path):  # E-2 (case E4's kind)
    for i in range(30):
        got = _two_at_once(tmp_path / f"run{i}")
        assert got.count("held") == 1, (i, got)
        lost = next(g for g in got if g != "held")
        assert isinstance(lost, RunLockedError), (i, lost)
        assert f"pid {os.getpid()} on host {socket.gethostname()}" in str(lost), (i, lost)
        assert sorted(p.name for p in (tmp_path / f"run{i}").iterdir()) == [".aef-run"]  # lock released, no partials


def test_second_writer_fails_fast_naming_the_first(tmp_path):  # E4, a real second process
    code = ("import sys, time; from alphaearth_nb.checkpoint import run_folder\n"
            "with run_folder(sys.argv[1]):\n    print('held', flush=True); time.sleep(60)\n")
    p = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "run")], stdout=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline().strip() == "held"
        with pytest.raises(RunLockedError, match=f"pid {p.pid} on host"): _fit(tmp_path / "run", resume=True)
    finally:
        p.kill(); p.wait()
    with pytest.warns(FileWarning, match="stale lock"):  # the dead holder's lock is taken over
        with run_folder(tmp_path / "run", resume=True): pass


def test_resume_with_nothing_to_resume_says_so(tmp_path):
    with pytest.warns(TrainingWarning, match="no checkpoint to resume"): _fit(tmp_path / "fresh", resume=True, steps=2)


def test_changed_batch_size_on_resume_warns(run, tmp_path):
    _fit(tmp_path / "r", steps=2)
    with pytest.warns(TrainingWarning, match=r"batch_size=4 \(the run: 8\)"):
        _fit(tmp_path / "r", resume=True, batch_size=4, steps=4)


def _damage(path, how):
    if how == "gone": return path.unlink()  # a partial copy: the header without its leaves
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if how == "cut" else data[:-9] + bytes([data[-9] ^ 0x40]) + data[-8:])


@pytest.mark.parametrize("how", ["cut", "flip", "gone"])
def test_damaged_checkpoint_refused_and_resume_falls_back(run, tmp_path, how):  # E5
    import shutil
    out = tmp_path / "run"; shutil.copytree(run[0], out)
    newest = latest_checkpoint(out / "checkpoints")
    _damage(newest.with_suffix(".eqx"), how)
    with pytest.raises(DamagedCheckpointError, match={"cut": "cut short", "flip": "SHA-256", "gone": "is missing"}[how]):
        verify_checkpoint(newest)
    with pytest.raises(DamagedCheckpointError): load_checkpoint(newest, _like())  # a named file never falls back
    with pytest.warns(TrainingWarning, match=f"{newest.stem}.*Falling back"):  # named, never skipped silently
        got, header = load_checkpoint(out / "checkpoints", _like())
    assert header["step"] == 4
    with pytest.warns(TrainingWarning, match=f"{newest.stem}.*Falling back"):
        state, hist = _fit(out, resume=True)
    assert int(state.step) == 6 and [h["step"] for h in hist] == list(range(1, 7))


def test_checkpoint_files_get_the_usual_mode(run):  # E6
    um = os.umask(0); os.umask(um)
    for p in (run[0] / "checkpoints").iterdir():
        assert p.stat().st_mode & 0o777 == 0o666 & ~um, p


def test_disk_full_while_checkpointing_keeps_the_last_good_one(tmp_path):  # E2 for checkpoints
    out = tmp_path / "run"
    _fit(out, steps=2)
    good = latest_checkpoint(out / "checkpoints")
    with disk_full(out, after_bytes=2000), pytest.raises(OSError, match="No space"):
        _fit(out, resume=True)
    assert latest_checkpoint(out / "checkpoints") == good and verify_checkpoint(good)["step"] == 2
    assert not [p for p in (out / "checkpoints").iterdir() if ".partial-" in p.name]
    state, _ = _fit(out, resume=True)  # and the run goes on from there
    assert int(state.step) == 6


def test_metrics_cut_mid_line_are_read(tmp_path):
    p = tmp_path / "metrics.jsonl"
    p.write_text(json.dumps({"step": 1, "loss": 1.0}) + "\n" + '{"step": 2, "lo')
    assert read_metrics(p) == [{"step": 1, "loss": 1.0}]


def test_missing_checkpoint_message_names_a_fix_that_works(tmp_path):  # G3: no "delete it" for a missing path
    with pytest.raises(CheckpointError, match="pass a run folder") as e: read_header(tmp_path / "ckpt_00000001.json")
    assert "delete" not in str(e.value)


def _cut_before_the_marker(run, dest):
    "A run from before `.aef-run` holding one checkpoint whose `.json` header was cut short (a copy interrupted)."
    out = dest / "old"; shutil.copytree(run[0], out); (out / ".aef-run").unlink()
    heads = sorted((out / "checkpoints").glob("ckpt_*.json"))
    for h in heads[:-1]: h.unlink(); h.with_suffix(".eqx").unlink()
    cut = heads[-1]; cut.write_text(cut.read_text()[:40])
    return out, cut


def test_a_cut_header_from_before_the_marker_is_ours_and_damaged_at_every_entry_point(run, tmp_path):
    "run_folder said NotOursError ('not ours'), load_checkpoint DamagedCheckpointError ('ours, damaged'): one verdict."
    out, cut = _cut_before_the_marker(run, tmp_path)
    mend = f"first line of {cut.stem}.eqx"  # the fix the verdict names: the header as written inside the .eqx
    ck = out / "checkpoints"
    assert is_run(out) and own_checkpoints(ck) == [cut] and latest_checkpoint(ck) == cut
    with pytest.raises(DamagedCheckpointError, match=mend): load_checkpoint(cut, _like())
    with pytest.raises(DamagedCheckpointError) as e:   # every checkpoint damaged: one error, no warning before it
        load_checkpoint(ck, _like())                   # (ff31785)
    assert cut.name in str(e.value) and mend in str(e.value), e.value
    with pytest.raises(OutputExistsError, match=f"checkpoints are all damaged \\({cut.name}: its header cannot be "
                       f"read \\(restore it from the {mend}") as e:
        with run_folder(out): pass
    assert not isinstance(e.value, NotOursError)
    with pytest.raises(OutputExistsError, match="resume=True") as e: _fit(out)
    assert not isinstance(e.value, NotOursError)
    with pytest.raises(DamagedCheckpointError, match=mend) as e: _fit(out, resume=True)
    assert cut.name in str(e.value)
    cut.write_bytes(cut.with_suffix(".eqx").read_bytes().split(b"\n", 1)[0])  # the mend named, done: it resumes
    state, hist = _fit(out, resume=True, steps=8)
    assert int(state.step) == 8 and [h["step"] for h in hist] == list(range(1, 9))


def test_a_cut_header_with_nothing_of_ours_beside_it_stays_foreign(tmp_path):  # the .eqx decides only when it is ours
    d = tmp_path / "other"; (d / "checkpoints").mkdir(parents=True)
    (d / "checkpoints" / "ckpt_00000001.json").write_text('{"format": "alphaearth_nb.tr')
    (d / "checkpoints" / "ckpt_00000001.eqx").write_bytes(b"\x80\x04 another tool's weights")
    assert not is_run(d) and own_checkpoints(d / "checkpoints") == []
    with pytest.raises(NotOursError, match="left alone"): _fit(d, resume=True)


def test_the_newest_checkpoint_is_ours_wherever_it_is_asked_for(run, tmp_path):
    "`latest_checkpoint` took another tool's newest ckpt_*.json while loading skipped it: one reader for both."
    out = tmp_path / "run"; shutil.copytree(run[0], out)
    ck = out / "checkpoints"
    (ck / "ckpt_00000009.json").write_text(json.dumps({"format": "othertool/1", "step": 9}))
    (ck / "ckpt_00000009.eqx").write_bytes(b"another tool's weights")
    assert latest_checkpoint(ck) == ck / "ckpt_00000006.json" == own_checkpoints(ck)[0]
    with pytest.warns(TrainingWarning, match="ckpt_00000009.json is not an alphaearth_nb checkpoint"):
        _, header = load_checkpoint(ck, _like())
    assert f"ckpt_{header['step']:08d}.json" == latest_checkpoint(ck).name
    with pytest.raises(OutputExistsError, match="newest checkpoint ckpt_00000006\\)"): _fit(out)
    assert (ck / "ckpt_00000009.json").exists() and (ck / "ckpt_00000009.eqx").exists()


def test_changed_schedule_or_seed_on_resume_warns_naming_each(tmp_path):
    # peak_lr, warmup and seed changed on resume went without a word: the run then is not the one it continues
    _fit(tmp_path / "r", steps=2)
    from alphaearth_nb.train import TrainConfig
    cfg = TrainConfig(**{**KW["config"].__dict__, "steps": 4, "peak_lr": 5e-3, "seed": 7})
    with pytest.warns(TrainingWarning, match=r"peak_lr=0\.005 \(the run: 0\.01\), seed=7 \(the run: 0\)"):
        _fit(tmp_path / "r", resume=True, config=cfg)
    # more steps alone extends the run: said once, the decay's new end named (0705ac80), and nothing else named
    with pytest.warns(TrainingWarning, match=r"steps=6 \(the run: 4\): the learning rate's decay now ends at step 6") as rec:
        _fit(tmp_path / "r", resume=True, config=TrainConfig(**{**cfg.__dict__, "steps": 6}))
    said = [str(w.message) for w in rec if issubclass(w.category, TrainingWarning)]
    assert len(said) == 1 and "peak_lr" not in said[0] and "seed" not in said[0], said


def test_a_resume_on_another_stack_is_named(tmp_path, crop):
    # `aef train --resume --out run --data other.nc` (or fit(..., resume=True) on another crop): trained on without a
    # word, though the run records its sampler; the header now records the stack, and a resume on another is warned
    import warnings as _w
    import jax.numpy as jnp
    from alphaearth_nb.core import TrainingWarning
    from alphaearth_nb.train import fit

    def cheap(model, batch, key):   # the run's header is tested, not the loss: no model pass to compile
        return 0.0 * jnp.sum(jax.tree.leaves(eqx.filter(model, eqx.is_inexact_array))[0]) + 1.0, {}
    run, kw = tmp_path / "run", dict(steps=2, batch_size=2, out=tmp_path / "run", loss_fn=cheap, progress=False)
    with _w.catch_warnings():
        _w.simplefilter("ignore")
        fit("tiny", crop, **kw)
    with pytest.warns(TrainingWarning, match=r"resuming on other data than the run's: shape \[40, 36\] \(the run: "
                                             r"\[40, 40\]\); x .*pass the run's stack"):
        fit("tiny", crop.isel(x=slice(0, 36)), resume=True, **kw)
    with _w.catch_warnings(record=True) as got:
        _w.simplefilter("always")
        fit("tiny", crop, resume=True, **kw)   # its own stack: nothing said
    assert run.is_dir() and not [w for w in got if "other data" in str(w.message)], [str(w.message) for w in got]
