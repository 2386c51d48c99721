"""Structure of session 55's re-read (the words each in one place, behaviour unchanged):
- `aef similarity` rewrote `_none_on`'s words with `str.replace` for fields; `_none_on` takes `fields` now. It
  recognises `places.sample`'s two off-the-map warnings by their words (`map_cmd._OFF`, `_SOME_OFF`): pinned here,
  so a rewording in `places` fails this test rather than printing both warnings under the command's own.
- `train._refuse_other_config` and `run_data.warn_model` each compared model configs, the policy fields aside, in
  their own code: both read `run_data.model_changes`."""
import dataclasses
import warnings

import pandas as pd

import alphaearth_nb as aef
from alphaearth_nb import map_cmd, places
from alphaearth_nb.run_data import model_changes
from alphaearth_nb.testing import embedding_from_array, random_unit


def _said(emb, xs, ys):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        places.sample(emb, pd.DataFrame({"x": xs, "y": ys}), crs="EPSG:32631")
    return [str(w.message) for w in seen]


def test_the_off_map_words_similarity_recognises_are_places():
    emb = embedding_from_array(random_unit((4, 4)))
    x0, y0 = float(emb.x[0]), float(emb.y[0])
    some = _said(emb, [x0, x0 + 1e6], [y0, y0])
    assert any(map_cmd._SOME_OFF in s for s in some), some
    none = _said(emb, [x0 + 1e6], [y0])
    assert any(map_cmd._OFF in s for s in none), none


def test_fields_fix_is_a_words_argument():
    emb = embedding_from_array(random_unit((4, 4)))
    got = pd.DataFrame({"x": [1.0], "y": [2.0], "inside": [False]})
    assert map_cmd._none_on(None, got, emb=emb).endswith("pass points inside it")
    assert map_cmd._none_on(None, got, emb=emb, fields=True).endswith("pass fields on it")


def test_the_policy_fields_are_no_change_of_model():
    tiny = aef.preset("tiny")
    bf16 = dataclasses.replace(tiny, stp=dataclasses.replace(tiny.stp, dtype="bfloat16", remat=True))
    assert model_changes(tiny, aef.checkpoint.jsonable(bf16)) == []
    other = aef.preset("tiny", inputs=("ndvi",))
    assert "inputs" in model_changes(other, aef.checkpoint.jsonable(tiny))
    assert model_changes(tiny, None) == []   # a model of Python's records no config
