"""A resume on a stack rewritten since the run began (same sources, grid and dates, other values: a user's 'fix' of
the same file) trained on the new values without a word, `aef train --resume` saying 'the data it was trained on',
while a resume from Python on the run's stack less the sources the model never reads warned 'other data' where the
parameters came out the same (s57 newcomer #1, #7). A run now records a fingerprint of a fixed sample of each
source's values (`run_data._values_print`) and a resume compares the sources the model reads: changed values are
refused (`data_changed=True` / `--data-changed` resumes on them, warned), unread sources are no other data."""
import warnings

import equinox as eqx
import jax
import jax.numpy as jnp
import pytest
import xarray as xr

from alphaearth_nb import train
from alphaearth_nb.core import TrainingError, TrainingWarning
from alphaearth_nb.run_data import _values_print


def _cheap(model, batch, key):   # the run's record is tested, not the loss: no model pass to compile
    return 0.0 * jnp.sum(jax.tree.leaves(eqx.filter(model, eqx.is_inexact_array))[0]) + 1.0, {}


def _fit(data, out, **kw):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        train.fit("tiny", data, out=out, batch_size=2, loss_fn=_cheap, progress=False, **kw)
    return [str(w.message) for w in got if issubclass(w.category, TrainingWarning)]


def _rewritten(crop):   # the same file, B2 + 200 (sentinel2: what tiny reads)
    kids = {k: v.to_dataset() for k, v in crop.children.items()}
    kids["sentinel2"] = kids["sentinel2"].assign(B2=kids["sentinel2"]["B2"] + 200)
    return xr.DataTree.from_dict(kids)


def test_a_resume_on_rewritten_values_is_refused_then_taken_knowingly(tmp_path, crop):
    run = tmp_path / "run"
    _fit(crop, run, steps=1)
    with pytest.raises(TrainingError, match=r"the values of sentinel2 differ from those the run began on \(the "
                                            r"run.s sources and grid.*`aef train --resume --data-changed`"):
        _fit(_rewritten(crop), run, steps=2, resume=True)
    said = _fit(_rewritten(crop), run, steps=2, resume=True, data_changed=True)
    assert any("resuming on changed data: the values of sentinel2 differ" in s for s in said), said
    assert train.load_model(run) is not None


def test_the_runs_stack_less_its_unread_sources_resumes_without_a_word(tmp_path, crop):
    run = tmp_path / "run"
    _fit(crop, run, steps=1)
    read = crop.drop_nodes([k for k in crop.children if k != "sentinel2"])
    said = _fit(read, run, steps=2, resume=True)
    assert not [s for s in said if "other data" in s or "changed" in s], said


def test_the_fingerprint_reads_a_sample_and_sees_one_value_changed(crop):
    s2 = crop["sentinel2"].to_dataset()
    assert _values_print(s2) == _values_print(s2.copy(deep=True))
    assert _values_print(s2) != _values_print(s2.assign(B2=s2["B2"] + 200))
