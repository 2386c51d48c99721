"""The negative-class warning's fix is one every Python reader of a label raster takes: `classify`, `points_at` and
`training_set` alike are silenced by `labels.attrs['_FillValue'] = -2`. Was (review42 on 6989eb35): '(...
`labels.attrs['_FillValue'] = -2`, or nodata=-2 to points_at)' under `classify`, which takes no nodata=."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, training_set
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.features import points_at
from alphaearth_nb.testing import random_unit

NY, NX = 6, 8
EMB = xr.DataArray(random_unit((NY, NX), seed=1), dims=("y", "x", "band"),
                   coords={"y": 5000.0 - 10 * np.arange(NY), "x": 300000.0 + 10 * np.arange(NX),
                           "band": [f"A{i:02d}" for i in range(64)]}, attrs={"crs": "EPSG:32633"})


def _labels():
    v = (np.arange(NY * NX).reshape(NY, NX) % 3).astype(np.int16)
    v[0, :3] = -2
    return xr.DataArray(v, dims=("y", "x"), coords={"y": EMB.y.values, "x": EMB.x.values}, attrs={"crs": "EPSG:32633"})


@pytest.mark.parametrize("door", [lambda lab: classify(EMB, lab), lambda lab: points_at(EMB, lab),
                                  lambda lab: training_set(EMB, lab)], ids=["classify", "points_at", "training_set"])
def test_the_fix_named_is_one_this_door_takes(door):
    lab = _labels()
    with pytest.warns(LabelWarning, match="negative classes other than -1: -2") as w:
        door(lab)
    said = next(str(m.message) for m in w if "negative classes" in str(m.message))
    assert "points_at" not in said and "nodata=" not in said, said
    fix = next(c for c in said.split("`") if c.startswith("labels.attrs["))
    exec(fix, {"labels": lab})
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabelWarning)
        door(lab)                                                        # silent now
