"""`aef.fit("tiny", stack, out=run, resume=True)` of a run trained with `aef.preset('tiny', inputs=('ndvi',), ...)`
was refused with words about the stack's sources (MissingSourceError), not that the run is another config
(newcomer s55 finding 13). Now a ConfigError names the fields that differ and the run's own config as the fix."""
import dataclasses

import jax.numpy as jnp
import pytest

import alphaearth_nb as aef
from alphaearth_nb.checkpoint import jsonable, run_folder, save_checkpoint
from alphaearth_nb.core import ConfigError
from alphaearth_nb.train import _refuse_other_config

CFG = aef.preset("tiny", inputs=("ndvi",), targets=("dem", "ndvi"))

def _run(tmp_path, cfg):
    out = tmp_path / "run"
    with run_folder(out): pass
    save_checkpoint(out / "checkpoints", {"w": jnp.zeros(2)}, step=2,
                    meta={"preset": None, "model": jsonable(dataclasses.asdict(cfg)), "train": {"steps": 4}})
    return out, aef.checkpoint.latest_checkpoint(out / "checkpoints")

def test_a_preset_name_of_another_config_is_named(tmp_path):
    out, found = _run(tmp_path, CFG)
    with pytest.raises(ConfigError, match=r"trained with another config than preset 'tiny': inputs \('ndvi',\).*"
                                          r"aef.train.model_config"):
        _refuse_other_config("tiny", found, out)

def test_the_runs_own_preset_passes(tmp_path):
    out, found = _run(tmp_path, aef.preset("tiny"))
    _refuse_other_config("tiny", found, out)   # no refusal
    _refuse_other_config(CFG, found, out)      # a config given: not a preset name, left to fit's own checks

@pytest.mark.parametrize("policy", [{"remat": True}, {"dtype": "bfloat16"}])
def test_the_precision_policy_is_no_other_config(tmp_path, policy):
    """fit records the config after `apply_policy` (TrainConfig(bf16=True) or remat=True write stp.dtype/stp.remat):
    resuming such a run of preset 'tiny' with 'tiny' is the same config (refused after the first cut of this check)."""
    cfg = aef.preset("tiny")
    out, found = _run(tmp_path, dataclasses.replace(cfg, stp=dataclasses.replace(cfg.stp, **policy)))
    _refuse_other_config("tiny", found, out)   # no refusal
