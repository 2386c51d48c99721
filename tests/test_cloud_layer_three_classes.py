"""`stacks.check_cloud_layer` called a three-state cloud layer {0 clear, 1 cloud, 2 shadow or thin cloud} (CloudSEN12's
kind) "a 0/1 flag with a fill value, 2" and told first to declare 2 as `_FillValue`, which turns every shadow pixel
into no data. A third value of a small class number (2..15) is now said to be a class, the flag of each class not
clear first (`!= 0`); a fill far from the classes (255, -1, 0.5 aside) keeps the fill words."""
import numpy as np
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import check_cloud_layer, toy_stack


def _s2(values, p):
    ds = toy_stack()["sentinel2"].to_dataset()
    b = ds["B2"]
    c = np.random.default_rng(0).choice(values, size=b.shape, p=p).astype("uint8")
    return ds.assign(cloud=(b.dims, c)).assign_attrs(source="sentinel2")


def _said(ds):
    with pytest.raises(UnitsError) as e: check_cloud_layer("sentinel2", ds)
    return str(e.value)


def test_a_layer_of_clear_cloud_shadow_is_said_classes_and_the_flag_first():
    ds = _s2([0, 1, 2], [.7, .2, .1])
    said = _said(ds)
    assert "three classes, 0, 1 and 2" in said and "fill value, 2" not in said            # was 'a fill value, 2'
    assert said.index("!= 0") < said.index("_FillValue")
    assert check_cloud_layer("sentinel2", ds.assign(cloud=ds["cloud"] != 0))              # the fix, as told


def test_a_fill_far_from_the_classes_is_still_a_fill():
    assert "fill value, 255" in _said(_s2([0, 1, 255], [.7, .2, .1]))
