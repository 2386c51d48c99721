"""Bands under another name that names them without doubt are read as them, with one note naming each and the
rename that silences it: the product's numbered names (SAFE's B02, SR_B4, S2-L2A-B02, b2: test_product_layers_and_names),
the STAC eo extension's common names (blue, nir08, swir22) and another case (vv). The common names were refused
with a rename while the numbered ones were read: two rules for one kind of input."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import SourceWarning, UnknownBandError
from alphaearth_nb.stacks import toy_stack, validate_stack


@pytest.mark.parametrize("source,spell", [
    ("sentinel2", {"B2": "blue", "B3": "green", "B4": "red", "B8": "nir", "B11": "swir16", "B12": "swir22"}),  # STAC eo
    ("landsat", {"B2": "blue", "B3": "green", "B4": "red", "B5": "nir08", "B6": "swir16", "B7": "swir22"}),
    ("sentinel1", {"VV": "vv", "VH": "vh"}),
])
def test_another_spelling_of_the_bands_is_read_with_one_note(source, spell):
    st = toy_stack()
    ds = st[source].to_dataset() if source in st.children else None
    if ds is None:
        from alphaearth_nb.scene import load_scene
        ds = load_scene()[0][source].to_dataset().isel(y=slice(0, 8), x=slice(0, 8))
    keep = {b: s for b, s in spell.items() if b in ds.data_vars}
    bad = ds.rename(keep)
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        out = validate_stack(bad, source=source)
    said = [str(w.message) for w in got if issubclass(w.category, SourceWarning)]
    assert len(said) == 1 and f"{', '.join(keep.values())}, other names of its bands, read as " in said[0], said
    for b in ds.data_vars:
        np.testing.assert_array_equal(out[source][b].values, ds[b].values)
    code = re.findall(r"`(ds = ds[^`]*)`", said[0])[-1]
    ns = {"ds": bad}; exec(code, ns)   # the rename the note gives, run: read without a note
    assert sorted(ns["ds"].data_vars) == sorted(ds.data_vars)
    with warnings.catch_warnings():
        warnings.simplefilter("error", SourceWarning)
        validate_stack(ns["ds"], source=source)


def test_names_with_no_band_behind_them_keep_the_plain_advice():
    ds = toy_stack()["sentinel2"].to_dataset()
    with pytest.raises(UnknownBandError, match=r"'NDWI'.*drop_vars\(\['NDWI'\]\)") as e:
        validate_stack(ds.assign(NDWI=ds.B2 * 0), source="sentinel2")
    assert "rename({" not in str(e.value)
