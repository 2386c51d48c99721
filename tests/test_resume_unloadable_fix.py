"""The refusal of a resume of a run none of whose checkpoints has both its files (runs._none_resumable) names a way to
start over that runs: leave resume out and pass overwrite (`--overwrite` in place of `--resume`). Was 'pass
overwrite=True (`--overwrite`)', said to a caller who had passed resume=True, so following it literally (both) was
ConfigError 'resume=True and overwrite=True contradict each other'."""
import jax.numpy as jnp
import pytest

from alphaearth_nb.checkpoint import check_run_folder, run_folder, save_checkpoint
from alphaearth_nb.core import ConfigError, DamagedCheckpointError


def test_the_start_over_it_names_is_overwrite_without_resume(tmp_path):
    with run_folder(tmp_path / "run") as d:
        save_checkpoint(d / "checkpoints", {"w": jnp.ones(2)}, step=1)
    for p in (d / "checkpoints").glob("*.eqx"): p.unlink()   # a copy without its large files
    with pytest.raises(DamagedCheckpointError) as e:
        check_run_folder(d, resume=True)
    msg = str(e.value)
    assert "leave resume out and pass overwrite=True (`--overwrite` in place of `--resume`)" in msg, msg
    with pytest.raises(ConfigError, match="contradict"):   # what the old words led to: both
        check_run_folder(d, resume=True, overwrite=True)
    assert check_run_folder(d, resume=False, overwrite=True) == d   # the fix as written now
