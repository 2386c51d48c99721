"fit says, before the step compiles, which of the stack's sources the model neither encodes nor decodes (training " \
"leaves them out), with the model that reads them and the drop that leaves them out knowingly. Field case s36: " \
"`fit('tiny', ...)` on the 7-source scene trained on sentinel2 alone without a word (a TrainingWarning until s38: now the SourceWarning `embed` gives too)."
import warnings

import pytest
import xarray as xr

from alphaearth_nb import train
from alphaearth_nb.core import SourceWarning
from alphaearth_nb.model import preset
from alphaearth_nb.stacks import toy_stack
from alphaearth_nb.train import TrainConfig

CFG = TrainConfig(steps=1, warmup=0, batch_size=2)
STACK = toy_stack(size=48)   # sentinel2, sentinel1, dem


def _said(model, stack, monkeypatch):
    "The unread-source warnings fit gives before it compiles (the step is stopped before it is made)."
    monkeypatch.setattr(train, "_cached_step", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("compiled")))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        with pytest.raises(RuntimeError, match="compiled"): train.fit(model, stack, config=CFG, progress=False)
    return [str(x.message) for x in w if issubclass(x.category, SourceWarning) and "not read" in str(x.message)]


def test_tiny_on_three_sources_names_the_two_left_out(monkeypatch):
    said = _said("tiny", STACK, monkeypatch)
    assert len(said) == 1, said
    assert said[0].startswith("the stack's sources dem, sentinel1 are not read by the model (it encodes sentinel2 and "
                              "decodes sentinel2), so training leaves them out"), said[0]
    assert "preset('tiny', inputs=('sentinel1', 'sentinel2'), targets=('dem', 'sentinel1', 'sentinel2'))" in said[0]
    assert "or the preset 'small'" in said[0] and "`aef train --preset small`" in said[0]
    assert "`stack.drop_nodes(['dem', 'sentinel1'])`" in said[0]


def test_a_model_that_reads_every_source_is_quiet(monkeypatch):
    assert _said(preset("tiny", inputs=("sentinel1", "sentinel2"), targets=("dem", "sentinel1", "sentinel2")), STACK,
                 monkeypatch) == []
    only = xr.DataTree.from_dict({"sentinel2": STACK["sentinel2"].to_dataset()})
    assert _said("tiny", only, monkeypatch) == []
