"""`model.reader_of` is the one rule of the model that reads a stack's sources: `fit`'s refusal of a stack that lacks a
source (`train._lacks`, which built the same text again, its targets in the stack's order) calls it; and for a model
of no preset its `aef train` flags, which build `small`, are said to (was: `aef train --inputs ... --targets ...`
alone, as if it built the caller's sizes)."""
import dataclasses
import warnings

from alphaearth_nb import model as aef_model, samples, train
from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import SourceWarning
from alphaearth_nb.embed_cmd import _unread_note
from alphaearth_nb.stacks import toy_stack

STACK = toy_stack(size=16)   # sentinel2, sentinel1, dem: in that order
NOTE = "(a `small` model: `aef train` builds a preset's sizes, not this model's)"


def _odd(**kw):
    tiny = aef_model.preset("tiny", **kw)
    cfg = dataclasses.replace(tiny, decoder_depth=tiny.decoder_depth + 1)   # tiny's sizes but one: no preset
    assert aef_model.preset_of(cfg) is None
    return cfg


def test_a_preset_model_gets_its_preset_and_no_note():
    python, shell = aef_model.reader_of(["sentinel2", "dem"], aef_model.preset("tiny"))
    assert python == "aef.preset('tiny', inputs=('sentinel2',), targets=('dem', 'sentinel2'))"
    assert shell == "`aef train --preset tiny --inputs sentinel2 --targets dem,sentinel2`"


def test_a_model_of_no_preset_is_told_the_flags_build_small():
    python, shell = aef_model.reader_of(["sentinel2", "dem"], _odd())
    assert python.startswith("dataclasses.replace(model.cfg, ")
    assert shell == "`aef train --inputs sentinel2 --targets dem,sentinel2` " + NOTE


def test_fits_refusal_is_reader_of():
    for cfg, preset in ((aef_model.preset("tiny", inputs=("sentinel2", "landsat")), "tiny"),
                        (_odd(inputs=("sentinel2", "landsat")), None)):
        said = train._lacks(STACK, cfg, samples.sampler_config(cfg, preset), preset)
        make, shell = aef_model.reader_of(list(STACK.children), cfg, preset)
        assert said.startswith("the model reads 'landsat'") and f"`{make}` / {shell} (or a subset" in said, said
        assert (NOTE in said) == (preset is None), said


def test_the_warning_and_the_note_of_aef_embed_say_it():
    cfg = _odd()   # reads sentinel2 only: sentinel1 and dem unread
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        train._warn_unread({"sources": list(STACK.children)}, type("M", (), {"cfg": cfg})(), None)
    said = " ".join(str(x.message) for x in w if issubclass(x.category, SourceWarning))
    assert NOTE in said and NOTE in shell_words(said, "train"), said
    note = _unread_note(["dem", "sentinel1"], list(STACK.children), type("M", (), {"cfg": cfg})())
    assert note.endswith(": `aef train --inputs sentinel1,sentinel2 --targets dem,sentinel1,sentinel2` " + NOTE), note
