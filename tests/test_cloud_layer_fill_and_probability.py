"""`stacks.check_cloud_layer` (new in session 53) refused a uint8 0/1 cloud mask whose no-data 255 the layer declares
(`_FillValue`, as rioxarray without masked=True leaves it) as 'a class or bit layer' with Sentinel-2's SCL recipe, the
wrong fix; and a cloud probability 0..1 (s2cloudless's, 1 = cloudy) was told only Cloud Score+'s recipe, which reads
1 as clear: run as told, it flips the mask. A declared fill is left out of the judgement (training reads it as cloud,
nonzero); one undeclared fill beside 0/1 is named as such; a layer of 0..1 is given both readings."""
import numpy as np
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import check_cloud_layer, toy_stack, validate_stack


def _s2(cloud):
    ds = toy_stack()["sentinel2"].to_dataset()
    b = ds["B2"]
    return ds.assign(cloud=(b.dims, cloud(np.random.default_rng(0), b.shape))).assign_attrs(source="sentinel2")


def _mask_with_fill(rng, shape):
    c = (rng.random(shape) < 0.2).astype("uint8")
    c.flat[::7] = 255
    return c


def test_a_declared_fill_of_a_01_mask_passes():
    ds = _s2(_mask_with_fill)
    ds["cloud"].attrs["_FillValue"] = 255
    assert check_cloud_layer("sentinel2", ds)                            # was UnitsError naming SCL
    validate_stack(ds)


def test_an_undeclared_fill_is_named_a_fill_and_the_fix_runs():
    ds = _s2(_mask_with_fill)
    with pytest.raises(UnitsError) as e: check_cloud_layer("sentinel2", ds)
    said = str(e.value)
    assert "fill value, 255" in said and "SCL" not in said
    ds["cloud"].attrs["_FillValue"] = 255                                 # the fix, as told
    assert check_cloud_layer("sentinel2", ds)
    fixed = ds.assign(cloud=ds["cloud"] != 0)                             # or counted as cloud
    assert check_cloud_layer("sentinel2", fixed)


def test_a_layer_of_0_to_1_is_given_both_readings():
    ds = _s2(lambda rng, shape: rng.random(shape).astype("float32"))
    with pytest.raises(UnitsError) as e: check_cloud_layer("sentinel2", ds)
    said = str(e.value)
    assert "cloud_score_clear" in said and "1 = cloudy" in said and "ds['cloud'] > p" in said
    assert check_cloud_layer("sentinel2", ds.assign(cloud=ds["cloud"] > 0.5))


def test_float_01_with_nan_still_passes():
    def c(rng, shape):
        v = (rng.random(shape) < 0.2).astype("float32")
        v[rng.random(shape) < 0.1] = np.nan
        return v
    assert check_cloud_layer("sentinel2", _s2(c))
