"""fit of a model of no preset on a stack that lacks a source it reads: the fix names the config the caller holds,
`dataclasses.replace(model.cfg, ...)` for a model, `dataclasses.replace(cfg, ...)` for a ModelConfig (was `cfg` for
both: a name the caller of fit(model, ...) has not)."""
import dataclasses

import pytest

from alphaearth_nb.core import MissingSourceError
from alphaearth_nb.model import init, preset
from alphaearth_nb.scene import load_scene
from alphaearth_nb.step import TrainConfig
from alphaearth_nb.train import fit


def test_the_fix_names_what_fit_was_given(tmp_path):
    stack, _, _ = load_scene()
    tiny = preset("tiny", inputs=("ndvi",))
    cfg = dataclasses.replace(tiny, decoder_depth=tiny.decoder_depth + 1)   # of no preset
    run = TrainConfig(steps=2, warmup=1, batch_size=2)
    for given, name in ((cfg, "cfg"), (init(cfg, 0), "model.cfg")):
        with pytest.raises(MissingSourceError) as e:
            fit(given, stack, out=tmp_path / "r", config=run, progress=False)
        assert f"dataclasses.replace({name}, inputs=" in str(e.value), str(e.value)
    assert not (tmp_path / "r").exists()
