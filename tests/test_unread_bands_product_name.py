"""A Sentinel-2 node renamed `sentinel2_l1c` for the `lite` preset (the rename `model.variants_said` offers) was warned
"band(s) B12 of the sentinel2 product are not read": 'sentinel2' is the L2A source's name, another product. The
warning names the source's own product where it reads bands of its family (sentinel2_l1c, landsat_toa), the family's
where it reads none (ndvi)."""
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import SourceWarning
from alphaearth_nb.stacks import toy_stack


def test_l1c_node_names_the_l1c_product():
    st = toy_stack()
    st["sentinel2_l1c"] = st["sentinel2"].to_dataset().assign_attrs(source="sentinel2_l1c"); del st["sentinel2"]
    with pytest.warns(SourceWarning) as got:
        aef.validate_stack(st)
    said = " ".join(str(w.message) for w in got)
    assert "band(s) B12 of the sentinel2_l1c product are not read by the model" in said, said
    assert "of the sentinel2 product" not in said, said


def test_l2a_node_keeps_its_name():
    st = toy_stack()
    st["sentinel2"] = st["sentinel2"].to_dataset().assign(B5=lambda d: d["B4"])
    with pytest.warns(SourceWarning, match="band\\(s\\) B5 of the sentinel2 product are not read"):
        aef.validate_stack(st)
