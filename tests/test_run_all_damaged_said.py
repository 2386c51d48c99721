"""A run folder whose checkpoints are all damaged, given again without --resume or --overwrite, was refused as a run
with 'no checkpoint yet' (their leaves gone, or only leaves without a header) or 'newest checkpoint ckpt_...' (its
leaves cut short), so the user looked for a run that never saved. The refusal (`runs._refuse_run`) now says the
checkpoints are all damaged, names each file and what is wrong with it, and gives the fixes: --overwrite to start
over, or restore them and --resume. A run with one whole checkpoint is refused as before."""
import jax.numpy as jnp
import pytest

from alphaearth_nb.checkpoint import check_run_folder, save_checkpoint
from alphaearth_nb.core import OutputExistsError


def _run(tmp_path, steps=(1, 2)):
    ck = tmp_path / "r" / "checkpoints"
    for k in steps: save_checkpoint(ck, {"w": jnp.arange(4.0) * k}, {}, step=k)
    return tmp_path / "r", ck


@pytest.mark.parametrize("damage", ["leaves gone", "cut short", "no header"])
def test_all_damaged_checkpoints_are_named_with_the_fixes(tmp_path, damage):
    d, ck = _run(tmp_path)
    for k in (1, 2):
        leaves = ck / f"ckpt_{k:08d}.eqx"
        if damage == "leaves gone": leaves.unlink()
        elif damage == "cut short": leaves.write_bytes(leaves.read_bytes()[:-8])
        else: leaves.with_suffix(".json").unlink()
    with pytest.raises(OutputExistsError) as e:
        check_run_folder(d)
    msg = str(e.value)
    assert "no checkpoint yet" not in msg and "newest checkpoint" not in msg, msg
    assert f"{d} holds a run whose checkpoints are all damaged (" in msg, msg
    assert "overwrite=True (`--overwrite`) to start the run over" in msg and "pass resume=True (`--resume`)" in msg, msg
    said = {"leaves gone": "ckpt_00000002.eqx is missing; ckpt_00000001.eqx is missing",
            "cut short": "ckpt_00000002.eqx has ", "no header": "ckpt_00000002.eqx: leaves with no header; "
            "ckpt_00000001.eqx: leaves with no header"}[damage]
    assert said in msg, msg


def test_one_whole_checkpoint_is_a_run_to_resume(tmp_path):
    d, ck = _run(tmp_path)
    (ck / "ckpt_00000002.eqx").unlink()   # the newest damaged, the older whole
    with pytest.raises(OutputExistsError, match=r"holds a run \(newest checkpoint ckpt_00000001\): pass resume=True"):
        check_run_folder(d)
