"A run's checkpoints/ folder given where its run folder belongs: told the folder to pass (kind G)."

import jax
import pytest

from alphaearth_nb.core import NotOursError
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit

CFG = TrainConfig(steps=4, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2)


def _fit(out, **kw):
    return fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, config=CFG, loss_fn=standin_loss,
               progress=False, **kw)


@pytest.mark.parametrize("how", [dict(resume=True), dict(overwrite=True), {}])
def test_the_checkpoints_folder_is_told_its_run(tmp_path, how):
    run = tmp_path / "run"
    _fit(run, steps=2)
    before = sorted(p.name for p in (run / "checkpoints").iterdir())
    with pytest.raises(NotOursError, match="checkpoints") as e:
        _fit(run / "checkpoints", **how)
    assert f"out={str(run)!r}" in str(e.value) and "new or empty folder" not in str(e.value), str(e.value)
    assert sorted(p.name for p in (run / "checkpoints").iterdir()) == before   # nothing touched
