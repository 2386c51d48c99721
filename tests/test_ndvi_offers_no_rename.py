"""`aef train --data <eo-learn patch>` (a stack of ndvi and dem) was told that 'sentinel2' is another product than
'ndvi' and offered the rename of the node `stack['sentinel2'] = stack['ndvi']...` with `xr.open_datatree(path)` to
open the stack: NDVI holds no band of Sentinel-2 L2A under any name, and an eo-learn folder of .npy files is no
datatree. `model.variants_said` offers the rename only where the two products share a band (L1C and L2A, Landsat TOA
and surface reflectance) and otherwise names the bands each holds."""
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.model import variants_said


def test_ndvi_is_no_sentinel2_under_another_name():
    said = variants_said(["sentinel2"], ["ndvi", "dem"])
    assert "another product than 'ndvi'" in said and "read that product" in said, said
    assert "rename" not in said and "stack[" not in said, said
    assert "B2, B3, B4, B8, B11, B12; 'ndvi' holds NDVI, none of them" in said, said


def test_products_that_share_bands_keep_the_rename():
    for m, h in (("sentinel2_l1c", "sentinel2"), ("sentinel2", "sentinel2_l1c"), ("landsat_toa", "landsat")):
        assert f"rename the node, `stack[{m!r}] = stack[{h!r}]" in variants_said([m], [h]), (m, h)


def test_aef_train_on_an_eolearn_patch_offers_no_datatree(shared_data, tmp_path, capsys):
    patch = shared_data / "eolearn_patch"
    if not patch.is_dir(): pytest.skip("no ../shared/data/eolearn_patch")
    assert main(["train", "--data", str(patch), "--steps", "1", "--out", str(tmp_path / "run")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "another product than 'ndvi'" in err and "--inputs ndvi --targets dem,ndvi" in err, err
    assert "open_datatree" not in err and "rename the node" not in err, err
