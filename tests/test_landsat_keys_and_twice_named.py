"""Two stack inputs of last session's list. The Planetary Computer's and Earth Search's Landsat Collection 2 asset
keys of the QA and thermal auxiliaries (qa_aerosol, atran, cdist, drad, emis, emsd, qa, trad, urad) were refused as
"not its bands" while Earth Engine's names of the same layers (SR_QA_AEROSOL, ST_ATRAN, ...) were dropped with one
note: they are dropped alike. And a common name beside the band it names (`blue` beside `B2`) got the generic "not
its bands ... rename them or drop them": it now says the two name one band and which to drop (the fix runs)."""
import re
import warnings

import pytest

from alphaearth_nb.core import SourceWarning, UnknownBandError
from alphaearth_nb.stacks import toy_stack, validate_stack

KEYS = ["qa_aerosol", "atran", "cdist", "drad", "emis", "emsd", "qa", "trad", "urad"]


def test_short_landsat_keys_are_dropped_with_the_one_note(crop):
    ds = crop["landsat"].to_dataset()
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        out = validate_stack(ds.assign({k: ds["B4"] for k in KEYS}), source="landsat")
    said = [str(w.message) for w in got if issubclass(w.category, SourceWarning)]
    assert len(said) == 1 and all(f"'{k}'" in said[0] or k in said[0] for k in KEYS), said
    assert sorted(out["landsat"].data_vars) == sorted(ds.data_vars)


@pytest.mark.parametrize("source, extra, band", [("sentinel2", "blue", "B2"), ("sentinel2", "B02", "B2"),
                                                 ("sentinel2", "nir", "B8")])
def test_a_name_beside_the_band_it_names_says_so(source, extra, band):
    ds = toy_stack()[source].to_dataset()
    with pytest.raises(UnknownBandError) as e:
        validate_stack(ds.assign({extra: ds[band]}), source=source)
    said = str(e.value)
    assert f"{extra!r} beside {band!r}: each names the same band" in said and "not its bands" not in said, said
    ns = {"ds": ds.assign({extra: ds[band]})}
    exec(re.findall(r"`(ds = ds[^`]*)`", said)[-1], ns)   # the fix it names, run: validated
    validate_stack(ns["ds"], source=source)
