"Resuming a run with a model whose config differs from the run's where the shapes agree (kappa, the sources' "
"normalisation, ...): the checkpoint loads, so it was silent; a TrainingWarning names each field (kind F)."
import dataclasses
import warnings

import equinox as eqx
import jax
import pytest

from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.model import preset
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit

CFG = TrainConfig(steps=4, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2)


class Configured(Standin):
    "The trainer's stand-in carrying an AlphaEarth config, as `AlphaEarth.cfg` (the header records it)."
    cfg: object = eqx.field(static=True)

    def __init__(self, cfg, *, key):
        super().__init__(key=key)
        self.cfg = cfg


def _fit(out, cfg, **kw):
    return fit(Configured(cfg, key=jax.random.PRNGKey(0)), standin_batches, out=out, config=CFG,
               loss_fn=standin_loss, progress=False, **kw)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("resume_model") / "run"
    _fit(out, preset("tiny"), steps=2)
    return out


def test_the_same_config_resumes_quietly(run, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", TrainingWarning)
        state, _ = _fit(run, preset("tiny"), resume=True, steps=2)   # already there: nothing trained, no warning
    assert int(state.step) == 2


@pytest.mark.parametrize("change, word", [(dict(kappa=100.0), "kappa=100.0"),
                                          (dict(summary_decay=0.5), "summary_decay=0.5")])
def test_another_config_of_the_same_shapes_is_named(run, tmp_path, change, word):
    import shutil
    out = tmp_path / "run"; shutil.copytree(run, out)
    with pytest.warns(TrainingWarning, match="model config") as w:
        state, _ = _fit(out, preset("tiny", **change), resume=True)
    said = " ".join(str(x.message) for x in w)
    assert int(state.step) == 4 and word in said and "(the run: " in said, said


def test_other_source_statistics_are_named(run, tmp_path):
    import shutil
    out = tmp_path / "run"; shutil.copytree(run, out)
    cfg = preset("tiny")
    s2 = cfg.source("sentinel2")
    other = dataclasses.replace(cfg, sources=tuple(dataclasses.replace(s, mean=tuple(m + 1 for m in s.mean))
                                                   if s is s2 else s for s in cfg.sources))
    with pytest.warns(TrainingWarning, match="sources: sentinel2 "):
        _fit(out, other, resume=True)


def test_the_precision_policy_is_not_the_model(run):
    "bf16 and remat are TrainConfig's (stamped on the model's config by `apply_policy`): a run resumed under "
    "another policy is the same model."
    import dataclasses as dc
    from alphaearth_nb.checkpoint import jsonable
    from alphaearth_nb.run_data import warn_model
    cfg = preset("tiny")
    other = dc.replace(cfg, stp=dc.replace(cfg.stp, dtype="bfloat16", remat=True))
    with warnings.catch_warnings():
        warnings.simplefilter("error", TrainingWarning)
        warn_model(other, jsonable(cfg))
