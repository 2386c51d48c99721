"""Bands under a common name (blue, nir08, vv) are refused with the rename that works: kind G. The product's own
numbered names (SAFE's B02, SR_B4, S2-L2A-B02, b2) are read as the bands with one note (test_product_layers_and_names)."""
import pytest

from alphaearth_nb.core import UnknownBandError
from alphaearth_nb.stacks import toy_stack, validate_stack


@pytest.mark.parametrize("source,spell", [
    ("sentinel2", {"B2": "blue", "B3": "green", "B4": "red", "B8": "nir", "B11": "swir16", "B12": "swir22"}),  # STAC eo
    ("landsat", {"B2": "blue", "B3": "green", "B4": "red", "B5": "nir08", "B6": "swir16", "B7": "swir22"}),
    ("sentinel1", {"VV": "vv", "VH": "vh"}),
])
def test_another_spelling_of_the_bands_is_refused_with_the_rename_that_works(source, spell):
    # was: "rename them (`ds.rename(...)`) or drop them": the mapping was the user's to work out
    st = toy_stack()
    ds = st[source].to_dataset() if source in st.children else None
    if ds is None:
        from alphaearth_nb.scene import load_scene
        ds = load_scene()[0][source].to_dataset().isel(y=slice(0, 8), x=slice(0, 8))
    keep = {b: s for b, s in spell.items() if b in ds.data_vars}
    bad = ds.rename(keep)
    with pytest.raises(UnknownBandError) as e: validate_stack(bad, source=source)
    code = str(e.value).split("`")[1]
    assert code.startswith("ds = ds.rename("), str(e.value)
    ns = {"ds": bad}; exec(code, ns)   # the rename the message gives, run
    assert sorted(ns["ds"].data_vars) == sorted(ds.data_vars)
    validate_stack(ns["ds"], source=source)


def test_names_with_no_band_behind_them_keep_the_plain_advice():
    ds = toy_stack()["sentinel2"].to_dataset()
    with pytest.raises(UnknownBandError, match=r"'NDWI'.*drop_vars\(\['NDWI'\]\)") as e:
        validate_stack(ds.assign(NDWI=ds.B2 * 0), source="sentinel2")
    assert "rename({" not in str(e.value)
