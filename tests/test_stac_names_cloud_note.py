"""Two faults of a stack read whole from its product. (1) Earth Engine's 23-band COPERNICUS/S2_SR_HARMONIZED image
with no `cloud` layer lost QA60, SCL and MSK_CLDPRB as 'not read by the model' without a word that the stack then has
no cloud mask (training counts every pixel as clear): the note now says so and how the package makes the layer
(Cloud Score+ for Sentinel-2, QA_PIXEL's Fmask bits for Landsat), and that code runs. (2) STAC's common names (Earth
Search's Sentinel-2 L2A asset keys, the Planetary Computer's landsat-c2-l2 ones) were refused with a rename while the
numbered names were read: a whole stack so named is read now, with one note, the unread bands and layers dropped."""
import re
import warnings

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import SourceWarning
from alphaearth_nb.stacks import toy_stack, validate_stack

S2_SR = ["B1", "B5", "B6", "B7", "B8A", "B9", "AOT", "WVP", "SCL", "TCI_R", "TCI_G", "TCI_B", "MSK_CLDPRB",
         "MSK_SNWPRB", "QA10", "QA20", "QA60"]   # Earth Engine's 23 bands, less the six the model reads
EARTH_SEARCH = {"B2": "blue", "B3": "green", "B4": "red", "B8": "nir", "B11": "swir16", "B12": "swir22"}
EARTH_SEARCH_REST = ["coastal", "rededge1", "rededge2", "rededge3", "nir08", "nir09", "scl", "aot", "wvp", "visual"]


def _notes(stack, **kw):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        out = validate_stack(stack, **kw)
    return out, [str(w.message) for w in got if issubclass(w.category, SourceWarning)]


def _s2():
    return toy_stack()["sentinel2"].to_dataset()


def test_a_full_sentinel2_image_without_a_cloud_layer_is_told_it_has_no_mask():
    ds = _s2()
    full = ds.assign({n: ds["B4"] for n in S2_SR})
    _, said = _notes(full, source="sentinel2")
    assert len(said) == 1 and "no cloud mask" in said[0] and "every pixel as clear" in said[0], said
    assert "SCL, MSK_CLDPRB, QA60 are not read as one" in said[0], said
    code = re.search(r"`(ds\['cloud'\] = ~xr[^`]*)`", said[0]).group(1)   # Cloud Score+'s recipe (SCL's line leads)
    cs = xr.full_like(ds["B4"], 0.9, dtype="float32")   # Cloud Score+'s cs: clear
    cs[:, 0, 0] = 0.2                                    # one cloudy pixel
    ns = {"ds": full, "cs": cs, "aef": aef, "xr": xr}; exec(code, ns)
    cloud = ns["ds"]["cloud"]
    assert bool(cloud[0, 0, 0]) and not bool(cloud[0, 1, 1])
    out, said = _notes(ns["ds"], source="sentinel2")   # with the layer: kept, and no word of a missing mask
    assert "cloud" in out["sentinel2"].data_vars and not any("cloud mask" in s for s in said), said


def test_a_stack_with_its_cloud_layer_or_no_cloud_product_layer_says_nothing_of_masks():
    ds = _s2()
    with_cloud = ds.assign(SCL=ds["B4"], QA60=ds["B4"], cloud=xr.zeros_like(ds["B4"]))
    _, said = _notes(with_cloud, source="sentinel2")
    assert len(said) == 1 and "cloud mask" not in said[0], said
    _, said = _notes(ds.assign(AOT=ds["B4"], B1=ds["B4"]), source="sentinel2")   # no cloud layer of the product
    assert len(said) == 1 and "cloud mask" not in said[0], said


def test_landsat_qa_pixel_without_a_cloud_layer_is_told_the_same(crop):
    ds = crop["landsat"].to_dataset()
    _, said = _notes(ds.assign(QA_PIXEL=ds["B4"].fillna(0).astype("uint16")), source="landsat")
    assert len(said) == 1 and "no cloud mask" in said[0] and "aef.earthengine.fmask_clear" in said[0], said


def test_earth_search_sentinel2_asset_keys_are_read_as_the_bands():
    ds = _s2()
    es = ds.rename(EARTH_SEARCH).assign({k: ds["B4"] for k in EARTH_SEARCH_REST})
    out, said = _notes(es, source="sentinel2")
    assert len(said) == 1 and "read as B2, B3, B4, B8, B11, B12" in said[0], said
    assert all(k in said[0] for k in EARTH_SEARCH_REST) and "no cloud mask" in said[0], said   # scl: a cloud layer
    assert sorted(out["sentinel2"].data_vars) == sorted(ds.data_vars)
    for b in ds.data_vars:
        np.testing.assert_array_equal(out["sentinel2"][b].values, ds[b].values)


@pytest.mark.parametrize("source,spell", [
    ("landsat", {"B2": "blue", "B3": "green", "B4": "red", "B5": "nir08", "B6": "swir16", "B7": "swir22"}),
    ("landsat_toa", {"B2": "blue", "B3": "green", "B4": "red", "B5": "nir08", "B6": "swir16", "B8": "pan",
                     "B10": "lwir11"})])
def test_landsat_stac_common_names_are_read_as_the_bands(crop, source, spell):
    src = aef.sources.get_source(source)
    base = crop["landsat"].to_dataset()
    ds = xr.Dataset({b: base["B4"] if b not in base else base[b] for b in src.bands}, attrs=base.attrs)
    if source == "landsat_toa":   # brightness temperature in K, as the source reads it
        ds["B10"] = xr.full_like(ds["B4"], 290.0)
    named = ds.rename(spell).assign(coastal=ds["B4"], qa_pixel=ds["B4"].fillna(0).astype("uint16"))
    out, said = _notes(named, source=source)
    assert len(said) == 1 and f"read as {', '.join(spell)}" in said[0] and "coastal" in said[0], said
    for b in src.bands:
        np.testing.assert_array_equal(out[source][b].values, ds[b].values)


def test_cloud_score_plus_beside_the_bands_is_told_the_conversion_to_the_cloud_layer():
    "A `cs` exported beside the bands was refused as 'not its bands: drop them', which would lose the mask."
    from alphaearth_nb.core import UnknownBandError
    ds = _s2()
    cs = xr.full_like(ds["B4"], 0.9, dtype="float32")
    cs[:, 0, 0] = 0.2
    with pytest.raises(UnknownBandError) as e: validate_stack(ds.assign(cs=cs), source="sentinel2")
    code = [c for c in re.findall(r"`([^`]*)`", str(e.value)) if c.startswith("ds")]
    assert "drop_vars(['cs'])" in code[-1] and "cloud_score_clear" in code[0], e.value
    ns = {"ds": ds.assign(cs=cs), "aef": aef, "xr": xr}
    for c in code: exec(c, ns)
    out, _ = _notes(ns["ds"], source="sentinel2")
    cloud = out["sentinel2"]["cloud"]
    assert bool(cloud[0, 0, 0]) and not bool(cloud[0, 1, 1])
