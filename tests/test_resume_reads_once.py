"""A resume read a checkpoint's weights three times: `checkpoint.resume_record` (the run's settings, from the newest
checkpoint that verifies) read the whole `.eqx` for its checksum, then `load_checkpoint` read it again for its
checksum and a third time for the leaves (seconds for `lite`; `aef train --resume` asked the record four times). The
record now keeps the bytes it verified and the load reads the leaves from them while the files are unchanged, and a
load verifies the bytes it reads the leaves from: one read a resume. Session 52: the bytes were module state
(`checkpoint._KEPT`, keyed on the files, held until a load took them: after `aef train --resume` of a finished run, a
checkpoint's bytes for the life of the process); the record (`checkpoint.RunRecord`) holds them now, and `fit`
and `aef train` pass it to the load (`load_checkpoint(..., record=)`); `aef train --resume` reads it once."""
import gc
import tracemalloc
import builtins
import io

import jax.numpy as jnp
import pytest

from alphaearth_nb import train_cmd
from alphaearth_nb.checkpoint import load_checkpoint, resume_record, save_checkpoint
from alphaearth_nb.cli import main


class _Counted:
    "A file whose reads are counted into `seen` (bytes)."
    def __init__(self, f, seen): self.f, self.seen = f, seen
    def _n(self, got):
        self.seen[0] += len(got) if isinstance(got, (bytes, bytearray)) else 0
        return got
    def read(self, *a): return self._n(self.f.read(*a))
    def read1(self, *a): return self._n(self.f.read1(*a))
    def readline(self, *a): return self._n(self.f.readline(*a))
    def readinto(self, b):
        n = self.f.readinto(b)
        self.seen[0] += n or 0
        return n
    def __getattr__(self, k): return getattr(self.f, k)
    def __enter__(self): return self
    def __exit__(self, *e): return self.f.__exit__(*e)
    def __iter__(self): return iter(self.f)


@pytest.fixture
def eqx_bytes(monkeypatch):
    "The bytes read from `.eqx` files while the test runs: [count]."
    seen, real = [0], io.open
    def counted(file, mode="r", *a, **k):
        f = real(file, mode, *a, **k)
        return _Counted(f, seen) if str(file).endswith(".eqx") and "r" in mode and "b" in mode else f
    monkeypatch.setattr(io, "open", counted)
    monkeypatch.setattr(builtins, "open", counted)
    return seen


def test_a_record_then_a_load_read_the_weights_once(tmp_path, eqx_bytes):
    state = {"w": jnp.arange(250_000.0), "b": jnp.ones(7)}   # a 1 MB .eqx: its header line is a rounding error
    p = save_checkpoint(tmp_path / "run" / "checkpoints", state, {"train": {"steps": 4}}, step=2)
    size = p.with_suffix(".eqx").stat().st_size
    eqx_bytes[0] = 0
    record = resume_record(tmp_path / "run")
    assert record["train"] == {"steps": 4} and record["step"] == 2 and record.came == "checkpoint"
    got, header = load_checkpoint(tmp_path / "run", state, record=record)
    assert header["step"] == 2 and bool((got["w"] == state["w"]).all())
    assert eqx_bytes[0] < 1.1 * size, (eqx_bytes[0], size)   # was 4 x size (each record, the load's check, its read)
    load_checkpoint(tmp_path / "run", state, record=record)   # given once: a second load reads the file itself
    assert 2 * size < eqx_bytes[0] < 2.2 * size, (eqx_bytes[0], size)


def test_a_load_alone_reads_them_once_and_a_change_is_still_caught(tmp_path, eqx_bytes):
    state = {"w": jnp.arange(250_000.0)}
    d = tmp_path / "run" / "checkpoints"
    for k in (1, 2): save_checkpoint(d, state, {}, step=k)
    size = (d / "ckpt_00000002.eqx").stat().st_size
    eqx_bytes[0] = 0
    load_checkpoint(d, state)
    assert eqx_bytes[0] < 1.1 * size, (eqx_bytes[0], size)   # was 2 x size (its check, then its read)
    record = resume_record(tmp_path / "run")                 # kept for a load ...
    leaves = d / "ckpt_00000002.eqx"
    leaves.write_bytes(leaves.read_bytes()[:-8])             # ... but the file is cut short meanwhile
    with pytest.warns(match="ckpt_00000002.eqx has"):
        _, header = load_checkpoint(d, state, record=record)
    assert header["step"] == 1   # the damage named and an older one loaded, as ever
    assert record._read is None   # nothing held once loaded


def test_a_record_let_go_holds_no_checkpoint(tmp_path):
    "A record nobody loads from (`aef train --resume` of a finished run) keeps no bytes once dropped: was one " \
    "checkpoint's, in module state, until the process ended."
    p = save_checkpoint(tmp_path / "run" / "checkpoints", {"w": jnp.arange(500_000.0)}, {}, step=1)
    size = p.with_suffix(".eqx").stat().st_size
    gc.collect()
    tracemalloc.start()
    try:
        record = resume_record(tmp_path / "run")
        assert record["step"] == 1 and tracemalloc.get_traced_memory()[0] > size   # held while it lives
        del record
        gc.collect()
        assert tracemalloc.get_traced_memory()[0] < size / 4, (tracemalloc.get_traced_memory(), size)
    finally:
        tracemalloc.stop()


def test_aef_train_resume_reads_the_checkpoint_once(tmp_path, capsys, monkeypatch, eqx_bytes):
    "`aef train --resume` asks the run's record for its settings, preset, data and step (four times) and `fit` " \
    "loads it: one read of the `.eqx` in all, the record passed to `fit` (`record=`) and on to the load."
    state = {"w": jnp.arange(250_000.0)}
    p = save_checkpoint(tmp_path / "run" / "checkpoints", state, step=2,
                        meta={"preset": "tiny", "train": {"steps": 2}, "data_position": 2})
    size, loaded = p.with_suffix(".eqx").stat().st_size, []
    def fit(*a, **k):   # fit's load, from the record the command passes
        got, header = load_checkpoint(k["out"], state, record=k["record"])
        loaded.append(header["step"])
        return type("S", (), {"step": 3})(), [{"loss": 1.0}]
    monkeypatch.setattr(train_cmd.train, "fit", fit)
    eqx_bytes[0] = 0
    assert main(["train", "--out", str(tmp_path / "run"), "--resume", "--steps", "3"]) == 0
    assert loaded == [2] and "resuming at step 2" in capsys.readouterr().err
    assert eqx_bytes[0] < 1.1 * size, (eqx_bytes[0], size)


def test_a_damaged_newest_does_not_cost_the_records_bytes(tmp_path, eqx_bytes):
    "The record verified an older checkpoint (the newest damaged): the load tries the newest first, and that try " \
    "released the record's bytes (taken once, whatever the path), so the older one was read and checksummed again."
    state = {"w": jnp.arange(200_000.0)}
    d = tmp_path / "run" / "checkpoints"
    save_checkpoint(d, state, {}, step=1)
    newest = save_checkpoint(d, {"w": state["w"] + 1}, {}, step=2).with_suffix(".eqx")
    raw = bytearray(newest.read_bytes())
    raw[-3] ^= 0xFF   # a byte changed in place: the size holds, the checksum does not
    newest.write_bytes(bytes(raw))
    record = resume_record(tmp_path / "run")
    assert record["step"] == 1
    size = newest.stat().st_size
    eqx_bytes[0] = 0
    with pytest.warns(match="ckpt_00000002.eqx"):
        got, header = load_checkpoint(d, state, record=record)
    assert header["step"] == 1 and bool((got["w"] == state["w"]).all())
    assert eqx_bytes[0] < 1.5 * size, (eqx_bytes[0], size)   # the damaged newest's check alone (was 2 x size)
    assert record._read is None   # released once taken
