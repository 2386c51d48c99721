"""A stack whose only source has no valid pixel is not told to drop that source and embed without it (nothing would
be left, and `fit` has no `allow_missing`): the message names what to check. A source beside others keeps the advice
to drop it (field case F4, found trying the package as a newcomer: `fit` on an all-NaN Sentinel-2 stack was told
`embed(..., allow_missing=True)`)."""
import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.stacks import toy_stack, validate_stack


def _empty(ds): return ds.map(lambda v: v * np.nan)


@pytest.mark.parametrize("lazy", [False, True])
def test_only_source_names_what_to_check(lazy):
    s2 = _empty(toy_stack()["sentinel2"].to_dataset())
    if lazy: s2 = s2.chunk({"time": 2})
    with pytest.raises(NoValidDataError) as e:
        validate_stack(xr.DataTree.from_dict({"sentinel2": s2}))
    msg = str(e.value)
    assert "it is the stack's only source" in msg and "check its reader" in msg
    assert "del stack" not in msg and "allow_missing" not in msg


def test_fit_on_the_only_source_is_not_told_to_embed():
    s2 = _empty(toy_stack()["sentinel2"].to_dataset()).chunk({"time": 2})
    with pytest.raises(NoValidDataError, match="only source") as e:
        aef.fit("tiny", xr.DataTree.from_dict({"sentinel2": s2}), steps=1, batch_size=2, progress=False)
    assert "embed" not in str(e.value)


def test_one_of_several_keeps_the_drop_advice():
    st = toy_stack()
    st["sentinel1"] = xr.DataTree(_empty(st["sentinel1"].to_dataset()))
    with pytest.raises(NoValidDataError, match=r"del stack\['sentinel1'\]"):
        validate_stack(st)
