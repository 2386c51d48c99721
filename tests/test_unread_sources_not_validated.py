"""Training a Sentinel-2-only preset (tiny) on a stack whose Sentinel-1 has no 'ascending' coordinate and no angle
band warned about Sentinel-1 ("no 'ascending' coordinate", "band(s) angle are missing ... which changes every
embedding") before training left it out: `samples.prepare` validated every source of the stack. It now checks the
sources the sampler reads; a model that reads Sentinel-1 is still told."""
import warnings

import pytest

import alphaearth_nb as aef
from alphaearth_nb import samples
from alphaearth_nb.core import AEFWarning, MissingSourceError


@pytest.fixture(scope="module")
def stack():
    s, _, _ = aef.load_scene()
    s1 = s["sentinel1"].to_dataset()
    s["sentinel1"] = s1.drop_vars([v for v in ("angle", "ascending") if v in s1.variables])
    return s


def test_a_source_the_model_does_not_read_is_not_checked(stack):
    cfg = samples.sampler_config(aef.preset("tiny"), "tiny")
    assert "sentinel1" not in (*cfg.inputs, *cfg.targets)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        samples.prepare(stack, cfg)
    said = [str(w.message) for w in seen if issubclass(w.category, AEFWarning)]
    assert not [m for m in said if "sentinel1" in m], said


def test_a_source_the_model_reads_is_still_checked(stack):
    cfg = samples.sampler_config(aef.preset("tiny", inputs=("sentinel1", "sentinel2"), targets=("sentinel2",)), "tiny")
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        samples.prepare(stack, cfg)
    assert any("sentinel1" in str(w.message) and "ascending" in str(w.message) for w in seen)


def test_a_missing_source_names_every_source_of_the_stack(stack):
    cfg = samples.sampler_config(aef.preset("tiny", inputs=("sentinel2",), targets=("sentinel2", "gedi")), "tiny")
    with pytest.raises(MissingSourceError, match="landcover"):
        samples.prepare(stack.drop_nodes(["gedi"]), cfg)
