"""A source missing some of the bands the model reads (sentinel2 without B12) is masked there in every frame, which
changes every embedding: validate_stack, and so embed, fit's sampler and `aef embed/train --data`, say so with a
NoDataWarning naming the source, the bands and the masking, as they do for the same band filled with NaN (whose
warning no longer offers dropping the band as a silent way out). Bands an acquisition mode leaves out (Sentinel-1's
VV-only or VV+VH stacks) are not named."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb import model as aef_model
from alphaearth_nb import samples
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.embed import embed
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source


def _quiet(tree):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return validate_stack(tree)


def _missing(name, bands):
    return rf"{name}: band\(s\) {re.escape(', '.join(bands))} are missing.*masked"


@pytest.mark.parametrize("name,bands", [("sentinel2", ("B12",)), ("sentinel2", ("B11", "B12")), ("landsat", ("B7",)),
                                        ("dem", ("slope",)), ("sentinel1", ("angle",)), ("sentinel1", ("VV",))])
def test_a_missing_band_is_named(crop, name, bands):
    ds = crop[name].to_dataset().drop_vars(list(bands))
    with pytest.warns(NoDataWarning, match=_missing(name, bands)) as got:
        validate_stack(with_source(crop, name, ds))
    msg = str(next(w.message for w in got if issubclass(w.category, NoDataWarning)))
    assert f"message='{name}: band'" in msg, msg        # the filter it names hides this source's band warnings only


@pytest.mark.parametrize("keep", [("VV", "angle"), ("HH", "angle"), ("HH", "HV", "angle")])
def test_an_acquisition_mode_leaves_sentinel1_bands_out_without_a_word(crop, keep):
    s1 = crop["sentinel1"].to_dataset()
    s1 = s1.assign(HH=s1.VV + 1.0, HV=s1.VH + 1.0)[list(keep)]
    _quiet(with_source(crop, "sentinel1", s1))
    _quiet(crop)   # the sample scene (sentinel1: VV, VH, angle)


def test_the_named_filter_hides_the_warning(crop):
    ds = crop["sentinel2"].to_dataset().drop_vars("B12")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.filterwarnings("ignore", message="sentinel2: band", category=NoDataWarning)
        validate_stack(with_source(crop, "sentinel2", ds))


def test_the_empty_band_warning_offers_no_silent_drop(crop):
    ds = crop["sentinel2"].to_dataset()
    with pytest.warns(NoDataWarning, match=r"sentinel2: band\(s\) B12 hold no valid value") as got:
        validate_stack(with_source(crop, "sentinel2", ds.assign(B12=ds.B12 * np.nan)))
    msg = str(next(w.message for w in got if "hold no valid value" in str(w.message)))
    assert "without this warning" not in msg and "masked" in msg, msg
    with pytest.warns(NoDataWarning, match=_missing("sentinel2", ("B12",))):   # its drop is warned of as well
        validate_stack(with_source(crop, "sentinel2", ds.drop_vars("B12")))


def test_embed_names_the_missing_band(embed_standin):
    stack = embed_standin.make_stack(16, 16)
    m = embed_standin.model_on(stack)
    stack["sentinel2"] = stack["sentinel2"].to_dataset().drop_vars("B12")
    with pytest.warns(NoDataWarning, match=_missing("sentinel2", ("B12",))):
        embed(stack, m, 2024, progress=False)


def test_fits_sampler_names_the_missing_band(crop):
    cfg = samples.sampler_config(aef_model.preset("tiny"))
    stack = with_source(crop, "sentinel2", crop["sentinel2"].to_dataset().drop_vars("B12"))
    with pytest.warns(NoDataWarning, match=_missing("sentinel2", ("B12",))):
        samples.prepare(stack, cfg)
