"read_metrics takes a run folder (or its checkpoints/ folder) for its metrics.jsonl, as load_model takes a run folder " \
"(was IsADirectoryError); plot_history names a smooth window given as text (was a TypeError from a comparison)."
import warnings

import jax
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit, plot_history, read_metrics


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("r") / "run"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, loss_fn=standin_loss, progress=False,
            config=TrainConfig(steps=3, warmup=0, batch_size=8, checkpoint_every=3))
    return out


@pytest.mark.parametrize("where", ["", "checkpoints"])
def test_a_run_folder_reads_its_metrics(run, where):
    assert [r["step"] for r in read_metrics(run / where if where else run)] == [1, 2, 3]


def test_a_smooth_window_as_text_is_named(run):
    with pytest.raises(ConfigError, match=r"smooth='5' is not a whole number: pass e\.g\. smooth=10"):
        plot_history(read_metrics(run), smooth="5")
    assert plot_history(read_metrics(run), smooth=2.0) is not None
