"""A full disk while `fit` appends to `metrics.jsonl` is core's `DiskError` naming the file, the steps, what is kept
and the way on (`resume=True`, `aef train --resume`). Was the OS's bare '[Errno 28] No space left on device'."""
import errno

import jax
import pytest

from alphaearth_nb.core import DiskError
from alphaearth_nb.testing import Standin, disk_full, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit


def test_metrics_on_a_full_disk_are_named(tmp_path):
    out = tmp_path / "run"
    with disk_full(out / "metrics.jsonl"), pytest.raises(DiskError) as e:   # that file alone fails
        fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, loss_fn=standin_loss, progress=False,
            config=TrainConfig(steps=2, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2))
    msg = str(e.value)
    assert e.value.errno == errno.ENOSPC and isinstance(e.value.__cause__, OSError)
    assert f"No space left on the disk of {out / 'metrics.jsonl'} while appending the training metrics of steps 1..2" in msg
    assert "resume=True" in msg and "aef train --resume" in msg
