"""'A run that recorded nothing' was two rules: `check_run_folder`'s (a plain rerun told to start over with
--overwrite) read the run's checkpoints/ folder, `aef train --resume`'s (refused naming the rerun) read
`checkpoint_folder` of it, which goes one folder deeper when checkpoints/ holds a checkpoints/ of its own. One
function now, `checkpoint.nothing_recorded`, behind both: for every folder below, the rerun and the resume agree."""
import json

import jax.numpy as jnp
import pytest

from alphaearth_nb import train, train_cmd
from alphaearth_nb.checkpoint import RUN_MARKER, check_run_folder, nothing_recorded, run_folder, save_checkpoint
from alphaearth_nb.cli import main
from alphaearth_nb.core import AEFError


def _marker(out, settings=None):
    with run_folder(out): pass
    if settings: (out / RUN_MARKER).write_text(json.dumps({"kind": "run", "settings": settings}))


def _headers_only(ck):
    save_checkpoint(ck, {"w": jnp.zeros(2)}, step=2, meta={"preset": "tiny", "train": {"steps": 4}})
    for p in ck.glob("*.eqx"): p.unlink()


def _nested(out):   # a copy that put a run's checkpoints/ inside its checkpoints/, leaves left behind
    _marker(out)
    _headers_only(out / "checkpoints" / "checkpoints")


STATES = {"marker alone": lambda o: _marker(o), "settings": lambda o: _marker(o, {"preset": "tiny"}),
          "headers without leaves": lambda o: (_marker(o), _headers_only(o / "checkpoints")), "nested": _nested}


@pytest.mark.parametrize("state", sorted(STATES))
def test_the_rerun_and_the_resume_read_one_rule(tmp_path, capsys, monkeypatch, state):
    out = tmp_path / "run"
    STATES[state](out)
    monkeypatch.setattr(train, "fit", lambda *a, **k: pytest.fail("trained"))
    monkeypatch.setattr(train_cmd, "open_data", lambda *a: pytest.fail("data loaded"))
    try: check_run_folder(out)
    except AEFError as e: rerun = "recorded no settings" in str(e)
    else: rerun = False
    try: main(["train", "--out", str(out), "--resume"])
    except BaseException: pass   # a run that goes on: stopped before any work, here
    resume = "recorded no settings" in capsys.readouterr().err
    assert rerun == resume == nothing_recorded(out), (state, rerun, resume)
