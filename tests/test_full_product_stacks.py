"""A stack read whole from its product carries spectral bands no source reads: a Sentinel-2 L2A stack's B1, B5, B6,
B7, B8A, B9 beside the six the model reads (13 in L1C, with B10), Landsat's B1 and B10. `validate_stack` refused it,
'sentinel2 has variable(s) [...] that are not its bands' (a newcomer's finding, session 48). Those bands are now
dropped with one `SourceWarning` naming them and the drop that silences it; names of nothing in the product (B13,
NDWI) stay an `UnknownBandError` with its fix."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import SourceWarning, UnknownBandError
from alphaearth_nb.embed import embed
from alphaearth_nb.stacks import toy_stack, validate_stack

L2A = ("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B11", "B12")   # Earth Engine's S2_SR_HARMONIZED
UNREAD = {"sentinel2": ["B1", "B5", "B6", "B7", "B8A", "B9"]}


def _full(ds, names, like="B4"):
    "Source `ds` with the bands `names` it lacks added (copies of `like`, as values on its scale)."
    return ds.assign({n: ds[like] for n in names if n not in ds.data_vars})


def _quiet(stack, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return validate_stack(stack, **kw)


@pytest.mark.parametrize("names,dropped", [
    (L2A, UNREAD["sentinel2"]),                                                             # Earth Engine L2A
    (("B2", "B3", "B4", "B8", "B11", "B12", "B01", "B05", "B06", "B07", "B8A", "B09"),         # SAFE's padded names
     ["B01", "B05", "B06", "B07", "B8A", "B09"]),
    (("B2", "B3", "B4", "B8", "B11", "B12", "coastal", "rededge1", "rededge2", "rededge3", "nir08", "nir09"),  # STAC eo
     ["coastal", "rededge1", "rededge2", "rededge3", "nir08", "nir09"]),
])
def test_a_full_sentinel2_stack_drops_its_unread_bands_with_one_note(names, dropped):
    st = toy_stack()
    full = st.copy()
    full["sentinel2"] = _full(st["sentinel2"].to_dataset(), names)
    with pytest.warns(SourceWarning) as got:
        out = validate_stack(full)
    said = [str(w.message) for w in got if issubclass(w.category, SourceWarning)]
    assert len(said) == 1 and said[0].startswith(f"sentinel2: band(s) {', '.join(dropped)} ") and "dropped" in said[0]
    assert sorted(out["sentinel2"].data_vars) == sorted(st["sentinel2"].data_vars)
    for b in st["sentinel2"].data_vars:   # the bands read are the stack's own, untouched
        np.testing.assert_array_equal(out["sentinel2"][b].values, st["sentinel2"][b].values)


@pytest.mark.parametrize("form", ["DataTree", "Dataset", "dict"])
def test_the_notes_drop_runs_for_the_stack_as_passed(form):
    "The code the note gives, run as written in the caller's namespace, leaves a stack validated without a warning."
    st = toy_stack()
    ds = _full(st["sentinel2"].to_dataset(), L2A)
    if form == "DataTree":
        stack = st.copy()
        stack["sentinel2"] = ds
    elif form == "dict":
        stack = {k: st[k].to_dataset() for k in st.children} | {"sentinel2": ds}
    else:
        stack = ds
    with pytest.warns(SourceWarning) as got:
        validate_stack(stack, **({"source": "sentinel2"} if form == "Dataset" else {}))
    said = str(next(w.message for w in got if issubclass(w.category, SourceWarning)))
    ns = {"stack": stack, "ds": ds}   # the caller's names: a tree or dict `stack`, a lone Dataset `ds`
    codes = re.findall(r"`([^`]+)`", said)   # (a tree, a dict) where `ds` comes from, the drop, where it goes back
    assert any(c.startswith("ds = stack[") for c in codes) == (form != "Dataset"), said
    order = [c for c in codes if c.startswith("ds = stack")] + [c for c in codes if "drop_vars" in c] + \
            [c for c in codes if c.startswith("stack[")]
    for code in order: exec(code, ns)
    _quiet(ns["stack"] if form != "Dataset" else ns["ds"], **({"source": "sentinel2"} if form == "Dataset" else {}))


@pytest.mark.parametrize("source,names,dropped", [("sentinel2_l1c", ("B1", "B10", "B12"), ["B1", "B10", "B12"]),
                                                   ("landsat", ("B1", "B10"), ["B1", "B10"])])
def test_other_products_alike(crop, source, names, dropped):
    ds = toy_stack()["sentinel2"].to_dataset()[["B2", "B3", "B4", "B8", "B11"]] if source == "sentinel2_l1c" else \
        crop["landsat"].to_dataset()
    with pytest.warns(SourceWarning, match=rf"{source}: band\(s\) {', '.join(dropped)} of the"):
        out = validate_stack(_full(ds, names, like="B4"), source=source)
    assert not set(dropped) & set(out[source].data_vars)


@pytest.mark.parametrize("name", ["B13", "NDWI"])   # QA60, a layer of the product: dropped (test_product_layers_and_names)
def test_names_of_no_band_of_the_product_are_still_refused(name):
    ds = toy_stack()["sentinel2"].to_dataset()
    with pytest.raises(UnknownBandError, match=rf"\['{name}'\].*drop_vars\(\['{name}'\]\)"):
        validate_stack(_full(ds, L2A).assign({name: ds.B2}), source="sentinel2")


def test_embed_of_the_full_stack_is_the_six_band_embedding(embed_standin):
    stack = embed_standin.make_stack(16, 16)
    m = embed_standin.model_on(stack)
    full = stack.copy()
    full["sentinel2"] = _full(stack["sentinel2"].to_dataset(), L2A)
    want = embed(stack, m, 2024, progress=False)
    with pytest.warns(SourceWarning, match="sentinel2: band"):
        got = embed(full, m, 2024, progress=False)
    np.testing.assert_array_equal(got.values, want.values)
