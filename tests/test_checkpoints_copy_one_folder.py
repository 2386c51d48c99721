"""A run whose checkpoints sit one folder deeper (`run/checkpoints/checkpoints/`, a `cp -r` into an existing
checkpoints/ folder) is read there by `latest_checkpoint`, `resume_record` and `load_checkpoint` (`checkpoint_folder`),
but `nothing_recorded` and `_refuse_run`'s resume checks read the plain checkpoints/ folder: the rerun said "pass
--resume to continue it" and `aef train --resume` then refused it as "stopped before its first checkpoint that recorded
no settings", offering --overwrite, which deletes the checkpoint. And a run cut between its first checkpoint's leaves
and header (settings recorded, `orphan_leaves` only) was told `--resume` starts it over at step 0, where the resume
refuses, naming the header's restore. One folder rule now, and that advice only where no leaves are left."""
import json

import jax.numpy as jnp
import pytest

from alphaearth_nb import train, train_cmd
from alphaearth_nb.checkpoint import (RUN_MARKER, check_run_folder, nothing_recorded, resume_record, run_folder,
                                      save_checkpoint)
from alphaearth_nb.cli import main
from alphaearth_nb.core import DamagedCheckpointError, OutputExistsError

HEAD = {"preset": "tiny", "train": {"steps": 4, "batch_size": 2}}


class Loaded(Exception): "Raised where `aef train` opens the data: the resume went on."


def _nested(out, leaves=True):
    with run_folder(out): pass
    ck = out / "checkpoints" / "checkpoints"
    save_checkpoint(ck, {"w": jnp.zeros(2)}, step=2, meta=HEAD)
    if not leaves:
        for p in ck.glob("*.eqx"): p.unlink()
    return ck


def test_a_copy_one_folder_deeper_is_resumed_by_aef_train(tmp_path, capsys, monkeypatch):
    out = tmp_path / "run"
    _nested(out)
    assert resume_record(out)["step"] == 2 and not nothing_recorded(out)
    with pytest.raises(OutputExistsError, match="newest checkpoint ckpt_00000002"): check_run_folder(out)
    monkeypatch.setattr(train, "fit", lambda *a, **k: pytest.fail("trained"))
    monkeypatch.setattr(train_cmd, "open_data", lambda *a, **k: (_ for _ in ()).throw(Loaded()))
    with pytest.raises(Loaded):
        main(["train", "--out", str(out), "--resume", "--steps", "4"])
    assert "recorded no settings" not in capsys.readouterr().err


def test_headers_without_leaves_one_folder_deeper_are_named_not_trained_over(tmp_path):
    out = tmp_path / "run"
    ck = _nested(out, leaves=False)
    with pytest.raises(DamagedCheckpointError) as e: check_run_folder(out, resume=True)
    assert "ckpt_00000002.json is a header whose leaves (.eqx) are missing" in str(e.value) and str(ck) in str(e.value)


def test_leaves_without_a_header_are_not_told_a_resume_starts_over(tmp_path):
    out = tmp_path / "run"
    with run_folder(out): pass
    (out / RUN_MARKER).write_text(json.dumps({"kind": "run", "settings": HEAD}))
    save_checkpoint(out / "checkpoints", {"w": jnp.zeros(2)}, step=2, meta=HEAD)
    (out / "checkpoints" / "ckpt_00000002.json").unlink()   # cut between the leaves and the header
    with pytest.raises(OutputExistsError) as e: check_run_folder(out)
    assert "start it over at step 0" not in str(e.value), e.value
    with pytest.raises(DamagedCheckpointError, match=r"head -n 1 ckpt_00000002.eqx > ckpt_00000002.json"):
        check_run_folder(out, resume=True)
