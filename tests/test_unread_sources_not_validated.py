"""Training a Sentinel-2-only preset (tiny) on a stack whose Sentinel-1 has no 'ascending' coordinate and no angle
band warned about Sentinel-1 ("no 'ascending' coordinate", "band(s) angle are missing ... which changes every
embedding") though the model reads none of it: `samples.prepare` validated every source of the stack and said all.
An unread source is still validated (`validate_stack(..., unread=...)`), so what is refused stays refused (an all-NaN
source, a stack whose model sources are missing), but its warnings are left unsaid; a model that reads Sentinel-1 is
still told. (Leaving the unread sources out before validating, 10f0dfb9, dropped those refusals: reverted.)"""
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb import samples
from alphaearth_nb.core import AEFWarning, MissingSourceError, NoValidDataError


@pytest.fixture(scope="module")
def stack():
    s, _, _ = aef.load_scene()
    s1 = s["sentinel1"].to_dataset()
    s["sentinel1"] = s1.drop_vars([v for v in ("angle", "ascending") if v in s1.variables])
    return s


def _said(stack, cfg) -> list[str]:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        samples.prepare(stack, cfg)
    return [str(w.message) for w in seen if issubclass(w.category, AEFWarning)]


def test_a_source_the_model_does_not_read_is_not_warned_of(stack):
    cfg = samples.sampler_config(aef.preset("tiny"), "tiny")
    assert "sentinel1" not in (*cfg.inputs, *cfg.targets)
    said = _said(stack, cfg)
    assert not [m for m in said if "sentinel1" in m and ("ascending" in m or "angle" in m)], said


def test_a_source_the_model_reads_is_still_warned_of(stack):
    cfg = samples.sampler_config(aef.preset("tiny", inputs=("sentinel1", "sentinel2"), targets=("sentinel2",)), "tiny")
    assert any("sentinel1" in m and "ascending" in m for m in _said(stack, cfg))


def test_an_unread_source_with_no_valid_pixel_is_still_refused(stack):
    s1 = stack["sentinel1"].to_dataset()
    empty = stack.copy()
    empty["sentinel1"] = s1.map(lambda v: v.where(False) if v.dtype.kind == "f" else v)
    assert np.isnan(empty["sentinel1"]["VV"].values).all()
    with pytest.raises(NoValidDataError, match="sentinel1"):
        samples.prepare(empty, samples.sampler_config(aef.preset("tiny"), "tiny"))


def test_a_missing_source_names_every_source_of_the_stack(stack):
    cfg = samples.sampler_config(aef.preset("tiny", inputs=("sentinel2",), targets=("sentinel2", "gedi")), "tiny")
    with pytest.raises(MissingSourceError, match="landcover"):
        samples.prepare(stack.drop_nodes(["gedi"]), cfg)
