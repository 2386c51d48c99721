"The fix for a model of no preset names the config the caller holds: `model.cfg` (embed, fit of a model), not `cfg`."
import dataclasses, warnings
from alphaearth_nb import model as aef_model, train
from alphaearth_nb.core import SourceWarning

def _odd():
    cfg = dataclasses.replace(aef_model.preset("tiny"), decoder_depth=aef_model.preset("tiny").decoder_depth + 1)
    assert aef_model.preset_of(cfg) is None
    return cfg

def test_reader_of_names_model_cfg():
    python, flags = aef_model.reader_of(["sentinel2", "landsat"], _odd())
    assert python.startswith("dataclasses.replace(model.cfg, ")
    assert aef_model.reader_of(["sentinel2"], _odd(), held="cfg")[0].startswith("dataclasses.replace(cfg, ")

def test_fit_warning_names_model_cfg():
    cfg = _odd()
    reads = set(cfg.inputs) | set(cfg.targets or ())
    extra = next(s.name for s in aef_model.PRESETS["small"].sources if s.name not in reads)
    model = type("M", (), {"cfg": cfg})()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        train._warn_unread({"sources": [*cfg.inputs, extra]}, model, None)
    said = " ".join(str(x.message) for x in w if issubclass(x.category, SourceWarning))
    assert "dataclasses.replace(model.cfg, " in said, said
