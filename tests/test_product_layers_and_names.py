"""A stack as its product gives it holds layers that are no spectral band and names its bands its own way. A full
Earth Engine COPERNICUS/S2_SR_HARMONIZED image (B1..B12, B8A, AOT, WVP, SCL, TCI_R/G/B, MSK_CLDPRB, MSK_SNWPRB, QA10,
QA20, QA60) was refused over AOT, WVP, SCL, ... ('not its bands'), as were Landsat Collection 2 Level-2's QA_PIXEL,
QA_RADSAT, SR_QA_AEROSOL and ST_* layers; and a SAFE-named stack (B02, B03, B04, B08, B11, B12) was refused with a
rename. The layers are now dropped with the unread bands' one note, the product's numbered names read as the bands
(renamed in the same note); a name of nothing in the product (NDWI, B13) is refused still."""
import re
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import SourceWarning, UnknownBandError
from alphaearth_nb.stacks import toy_stack, validate_stack

S2_LAYERS = ["AOT", "WVP", "SCL", "TCI_R", "TCI_G", "TCI_B", "MSK_CLDPRB", "MSK_SNWPRB", "QA10", "QA20", "QA60"]
S2_SR = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B11", "B12", *S2_LAYERS]   # Earth Engine's 23
L2_LAYERS = ["SR_QA_AEROSOL", "ST_ATRAN", "ST_CDIST", "ST_DRAD", "ST_EMIS", "ST_EMSD", "ST_QA", "ST_TRAD", "ST_URAD",
             "QA_PIXEL", "QA_RADSAT"]


def _notes(stack, **kw):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        out = validate_stack(stack, **kw)
    return out, [str(w.message) for w in got if issubclass(w.category, SourceWarning)]


def _quiet(ds, source):
    with warnings.catch_warnings():
        warnings.simplefilter("error", SourceWarning)
        return validate_stack(ds, source=source)


def test_a_full_earth_engine_sentinel2_image_is_read_with_one_note():
    ds = toy_stack()["sentinel2"].to_dataset()
    full = ds.assign({n: ds["B4"] for n in S2_SR if n not in ds.data_vars})
    assert len(full.data_vars) == 23
    out, said = _notes(full, source="sentinel2")
    assert len(said) == 1 and all(n in said[0] for n in S2_LAYERS) and "dropped" in said[0], said
    assert sorted(out["sentinel2"].data_vars) == sorted(ds.data_vars)
    code = re.findall(r"`(ds = ds[^`]*)`", said[0])[-1]
    ns = {"ds": full}; exec(code, ns)   # the note's own code, run: validated without a note
    _quiet(ns["ds"], "sentinel2")


def test_landsat_collection2_layers_are_dropped_with_one_note(crop):
    ds = crop["landsat"].to_dataset()
    full = ds.assign({n: ds["B4"] for n in L2_LAYERS})
    out, said = _notes(full, source="landsat")
    assert len(said) == 1 and all(n in said[0] for n in L2_LAYERS), said
    assert "aef.earthengine.fmask_clear" in said[0] and sorted(out["landsat"].data_vars) == sorted(ds.data_vars)


def test_the_qa_pixel_way_the_note_names_gives_the_cloud_layer(crop):
    import xarray as xr
    ds = crop["landsat"].to_dataset()
    qa = xr.full_like(ds["B4"], 21824).astype("uint16")   # clear
    qa[:, 0, 0] = 21824 | (1 << 3)   # a cloud
    full = ds.assign(QA_PIXEL=qa)
    _, said = _notes(full, source="landsat")
    code = re.search(r"`(ds\['cloud'\] = [^`]*)`", said[0]).group(1)
    ns = {"ds": full, "aef": aef, "xr": xr}; exec(code, ns)
    cloud = ns["ds"]["cloud"]
    assert bool(cloud[0, 0, 0]) and not bool(cloud[0, 1, 1])
    out, _ = _notes(ns["ds"], source="landsat")
    assert "cloud" in out["landsat"].data_vars


@pytest.mark.parametrize("spell", [
    {"B2": "B02", "B3": "B03", "B4": "B04", "B8": "B08", "B11": "B11", "B12": "B12"},               # SAFE, Earth Search
    {"B2": "S2-L2A-B02", "B3": "S2-L2A-B03", "B4": "S2-L2A-B04", "B8": "S2-L2A-B08", "B11": "S2-L2A-B11",
     "B12": "S2-L2A-B12"},                                                                           # WorldCereal
    {"B2": "b2", "B3": "b3", "B4": "b4", "B8": "b8", "B11": "b11", "B12": "b12"}])
def test_the_products_numbered_names_are_read_as_its_bands(spell):
    ds = toy_stack()["sentinel2"].to_dataset()
    safe = ds.rename({b: s for b, s in spell.items() if b in ds.data_vars and b != s})
    out, said = _notes(safe, source="sentinel2")
    assert len(said) == 1 and "read as B2, B3" in said[0], said
    for b in ds.data_vars:
        np.testing.assert_array_equal(out["sentinel2"][b].values, ds[b].values)
    code = re.findall(r"`(ds = ds[^`]*)`", said[0])[-1]
    ns = {"ds": safe}; exec(code, ns)
    _quiet(ns["ds"], "sentinel2")


def test_safe_names_with_their_unread_bands_are_one_note():
    ds = toy_stack()["sentinel2"].to_dataset()
    safe = ds.rename(B2="B02", B3="B03").assign(B01=ds["B4"], B8A=ds["B4"], SCL=ds["B4"])
    out, said = _notes(safe, source="sentinel2")
    assert len(said) == 1 and "Why: band(s) B01, B8A, SCL " in said[0] and "B02, B03" in said[0], said
    assert sorted(out["sentinel2"].data_vars) == sorted(ds.data_vars)


@pytest.mark.parametrize("extra", ["NDWI", "B13"])
def test_names_of_nothing_in_the_product_stay_refused(extra):
    ds = toy_stack()["sentinel2"].to_dataset()
    with pytest.raises(UnknownBandError, match=extra):
        validate_stack(ds.assign({extra: ds["B4"]}), source="sentinel2")


def test_a_common_name_beside_the_band_it_names_is_refused():
    "blue and B2 both: which is B2, no one says (a common name alone is read: test_band_names)."
    ds = toy_stack()["sentinel2"].to_dataset()
    with pytest.raises(UnknownBandError, match=r"\['blue'\]"):
        validate_stack(ds.assign(blue=ds["B2"]), source="sentinel2")
