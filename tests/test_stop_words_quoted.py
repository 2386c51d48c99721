"""The words an interrupted or stopped run gives (session 54's review, r1 #3, #4, #9).
- `checkpoint._last_step` read metrics.jsonl with its own loop, so a cut last line (a run killed mid-append, the very
  case its message is for) gave "train first"; it reads the file as `metrics_records` does now (one reader, in
  `runs`, below both `checkpoint` and `loss_plot`).
- Its `aef train --out {run} --resume` left the folder unquoted (a space split it), where `cli._goes_on` quotes it.
- `cli._goes_on` said "--out holds no part of this one" also where the output was placed before the interrupt came,
  and left --out unquoted."""
import argparse
import os
import shlex
import time

from alphaearth_nb import cli
from alphaearth_nb.checkpoint import _none_complete
from alphaearth_nb.loss_plot import metrics_records
from alphaearth_nb.runs import RUN_MARKER, record_settings


def test_a_cut_last_line_still_names_the_step_the_run_stopped_at(tmp_path):
    run = tmp_path / "my run"
    (run / "checkpoints").mkdir(parents=True)
    (run / RUN_MARKER).write_text('{"kind": "run"}')
    record_settings(run, {"train": {"steps": 100}})
    (run / "metrics.jsonl").write_text('{"step": 7, "loss": 1}\n{"step": 8, "lo')   # killed mid-append
    said = _none_complete(run / "checkpoints")
    assert "stopped at step 7 before its first checkpoint" in said and "train first" not in said, said   # was: train first
    assert f"`aef train --out {shlex.quote(str(run))} --resume`" in said, said   # was: the path unquoted
    assert [r["step"] for r in metrics_records(run)] == [7]   # the same reading as the metrics' reader


def _args(cmd, out):
    "The arguments as `cli.main` gives them: --out as it was when the command began (`cli._out_now`)."
    a = argparse.Namespace(cmd=cmd, out=str(out), argv=[])
    a.out_was = cli._out_now(a)
    return a


def test_an_interrupt_after_the_map_was_placed_says_so(tmp_path):
    out = tmp_path / "my maps" / "s.tif"
    out.parent.mkdir()
    said = cli._goes_on(_args("similarity", out))   # nothing there: none of it placed
    assert f"so {shlex.quote(str(out))} holds no part of this one" in said, said   # quoted (was: bare)
    out.write_bytes(b"old")
    os.utime(out, (time.time() - 3600,) * 2)   # an earlier map, kept under --overwrite
    assert "holds no part of this one" in cli._goes_on(_args("similarity", out))
    a = _args("similarity", out)
    (tmp_path / "new.tif").write_bytes(b"new")
    os.replace(tmp_path / "new.tif", out)   # placed whole by this command (renamed in), the interrupt after it
    said = cli._goes_on(a)
    assert "was placed whole before it" in said and "holds no part" not in said, said   # was: "holds no part"
