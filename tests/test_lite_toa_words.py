"""lite reads Sentinel-2 L1C and Landsat TOA (`sentinel2_l1c`, `landsat_toa`), the paper's products; a stack of
`sentinel2`/`landsat` was refused without a word that these are other products or how to rename a node that holds
them (newcomer s53, item 8), and tutorial 03 never said it."""
import json
import re
from pathlib import Path

import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import MissingSourceError
from alphaearth_nb.model import variants_said
from alphaearth_nb.stacks import toy_stack

ROOT = Path(__file__).resolve().parents[1]


def test_fit_lite_on_surface_reflectance_names_the_toa_products_and_the_rename():
    with pytest.raises(MissingSourceError) as e:
        aef.fit(aef.preset("lite", blocks=1, d_space=32, d_time=16, d_precision=8), toy_stack(), steps=1)   # small widths: the refusal comes before any step
    said = str(e.value)
    assert "'sentinel2_l1c' is Sentinel-2 L1C top-of-atmosphere reflectance" in said
    assert "stack['sentinel2_l1c'] = stack['sentinel2']" in said


def test_the_rename_as_written_gives_the_node_the_model_reads():
    st = toy_stack()
    code = re.search(r"`(stack\['sentinel2_l1c'\][^`]*)`", variants_said(["sentinel2_l1c"], list(st.children)))[1]
    exec(code, {"stack": st})
    assert "sentinel2_l1c" in st.children and "sentinel2" not in st.children
    aef.validate_stack(st)


def test_no_words_without_a_product_of_the_family():
    assert variants_said(["sentinel2_l1c"], ["sentinel1", "dem"]) == ""
    assert variants_said(["mine"], ["sentinel2"]) == ""   # a user's own source


def test_tutorial_says_lite_reads_toa_and_small_decodes_every_target():
    nb = json.loads((ROOT / "nbs/tutorials/03_training.ipynb").read_text())
    text = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "every\ntarget source out" not in text and "every target source out" not in text
    assert "sentinel2_l1c" in text and "top-of-atmosphere" in text
