"""Two maps in different CRSs are told so first (newcomer, s49): `e23.aef.change(e24_in_32632)` said "different
grids (y: 60 vs 61 pixels): resample ... interp_like", a fix that cannot work across CRSs, because the sizes were
compared before the CRSs. `check_same_grid` now compares the CRSs first, naming both codes and the fixes: the same
`crs=` to `official.open`, or a reprojection."""
import numpy as np
import pytest

from alphaearth_nb.analysis import change
from alphaearth_nb.core import GridError
from alphaearth_nb.geo import check_same_grid


@pytest.mark.parametrize("cut", [dict(y=slice(1, None)), dict(x=slice(0, 4)), {}])
def test_another_crs_is_named_before_sizes_and_coordinates(utm_emb, cut):
    a = utm_emb(0)
    b = a.isel(**cut).assign_coords(x=a.x.isel(**{k: v for k, v in cut.items() if k == "x"}) + 5e5)
    b = b.assign_attrs(crs="EPSG:32632")
    for call in (lambda: change(a, b), lambda: check_same_grid(a, b)):
        with pytest.raises(GridError) as e: call()
        msg = str(e.value)
        assert "different CRS (EPSG:32631 vs EPSG:32632)" in msg and "interp_like" not in msg, msg
        assert "open both with the same crs=" in msg and "reproject_match" in msg, msg


def test_one_crs_still_compares_sizes(utm_emb):
    a = utm_emb(0)
    with pytest.raises(GridError, match="different grids.*interp_like"): change(a, a.isel(y=slice(1, None)))
    assert np.isfinite(change(a, a).values).all()
