"change of two maps on one grid over different extents names the fix that puts one on the other's pixels by place."
import re

import numpy as np
import pytest

from alphaearth_nb.analysis import change
from alphaearth_nb.core import GridError
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_one_lattice_other_extent_gets_the_reindex_fix():
    "Was only 'resample one onto the other first' (interpolation), for pixels that are the same pixels."
    e, f = (embedding_from_array(random_unit((6, 8), seed=s)) for s in (1, 2))
    part = f.isel(y=slice(2, None), x=slice(0, 6))   # another year exported over a smaller box
    with pytest.raises(GridError, match="one grid over different extents") as err:
        change(e, part)
    call = re.search(r"`other = (other\.reindex\(y=emb\.y, x=emb\.x, .*?\))`", str(err.value)).group(1)   # s40: y, x only
    fixed = eval(call, {"other": part, "emb": e})   # the fix as written runs and gives the right answer
    got, want = change(e, fixed), change(e, f)
    np.testing.assert_allclose(got.values[2:, :6], want.values[2:, :6], atol=1e-6)
    assert np.isnan(got.values[:2]).all() and np.isnan(got.values[:, 6:]).all()


def test_other_grids_get_no_such_hint():
    e, f = (embedding_from_array(random_unit((6, 8), seed=s)) for s in (1, 2))
    coarse = f.coarsen(y=2, x=2).mean()   # 20 m pixels: another lattice
    shifted = f.isel(y=slice(2, None)).assign_coords(x=f.x + 3)   # lines 3 m off
    far = f.isel(y=slice(2, None)).assign_coords(x=f.x + 1000)   # no pixel in common
    for other in (coarse, shifted, far):
        with pytest.raises(GridError, match="different grids") as err:
            change(e, other)
        assert "different extents" not in str(err.value)
