"""checkpoint's listing of a folder's checkpoints (own_checkpoints, latest_checkpoint, orphan_leaves, what saving
removes) and its run folder (is_run, what_folder, not_a_run, check_run_folder, run_folder) live in `runs` (15b, below
checkpoint), so checkpoint stays under the layout's module size (it was at 600 of 600 lines, statements joined to fit);
checkpoint re-exports each public name, so `from alphaearth_nb.checkpoint import run_folder` works as before."""

import pytest

from alphaearth_nb.core import OutputExistsError

NAMES = ["CKPT_FORMAT", "checkpoint_headers", "checkpoints", "orphan_leaves", "own_checkpoints", "checkpoint_folder",
         "latest_checkpoint", "RUN_MARKER", "RUN_FILES", "FOLDER_KINDS", "is_run", "what_folder", "not_a_run",
         "check_run_folder", "run_folder"]


def test_checkpoint_reexports_the_run_folder(tmp_path, reexported):
    "Hand-worked: a checkpoint saved into a run's checkpoints/ is its latest, and a second run there is refused."
    import equinox as eqx
    import jax.numpy as jnp
    runs, ck = reexported("runs", "checkpoint", NAMES)
    from alphaearth_nb.checkpoint import latest_checkpoint, run_folder   # the old spelling
    with run_folder(tmp_path / "run") as d:
        p = ck.save_checkpoint(d / "checkpoints", {"w": jnp.ones(2)}, step=3)
    assert latest_checkpoint(tmp_path / "run") == p and runs.is_run(tmp_path / "run")
    with pytest.raises(OutputExistsError, match="ckpt_00000003"): ck.check_run_folder(tmp_path / "run")
    got, header = ck.load_checkpoint(tmp_path / "run", {"w": jnp.zeros(2)})
    assert header["step"] == 3 and eqx.tree_equal(got, {"w": jnp.ones(2)})


def test_the_split_modules_keep_under_the_cap_unjoined(split_module_check):
    "No statement joined with ';' to fit the line cap in either module (session 37's helpers joined them)."
    for name, cap in (("runs", 450), ("checkpoint", 520)): split_module_check(name, cap)   # checkpoint: + one read a resume, fit's record= door; s54: 520 for a run stopped before its first checkpoint (_last_step)
