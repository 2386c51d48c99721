"""maps.plot_change_events outlines the true change where it is when the mask is a DataArray on the change map's grid
stored the other way round (y ascending: south-up, or x descending): read in the change map's order by its
coordinates. Was: read by position, so the north-west corner's events were outlined in the south-west (rows
mirrored), silently."""
import matplotlib
matplotlib.use("Agg")
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import maps

X, Y = 500005.0 + 10 * np.arange(8), 5000045.0 - 10 * np.arange(6)   # 8 x 6 pixels of 10 m, north-up


def _outline(ax):
    v = np.concatenate([p.vertices for p in ax.collections[-1].get_paths() if len(p.vertices)])
    return v[:, 0].min(), v[:, 0].max(), v[:, 1].min(), v[:, 1].max()


@pytest.mark.parametrize("turn", [{"y": True}, {"x": False}, {"y": True, "x": False}])
def test_a_mask_the_other_way_round_is_outlined_in_place(turn):
    change = xr.DataArray(np.zeros((6, 8)), dims=("y", "x"), coords={"y": Y, "x": X})
    m = np.zeros((6, 8), bool); m[:2, :2] = True            # the north-west corner: y 5000045, 5000035; x 500005, 500015
    events = xr.DataArray(m, dims=("y", "x"), coords={"y": Y, "x": X})
    for d, ascending in turn.items(): events = events.sortby(d, ascending=ascending)
    x0, x1, y0, y1 = _outline(maps.plot_change_events(change, events))
    assert 500005 <= x0 and x1 <= 500020 and 5000030 <= y0 and y1 <= 5000045, (x0, x1, y0, y1)   # was y 4999995..5000010


def test_a_mask_in_the_change_maps_order_or_as_numbers_is_read_as_before():
    change = xr.DataArray(np.zeros((6, 8)), dims=("y", "x"), coords={"y": Y, "x": X})
    m = np.zeros((6, 8), bool); m[-2:, -2:] = True           # the south-east corner
    for events in (m, xr.DataArray(m, dims=("y", "x"), coords={"y": Y, "x": X})):
        x0, x1, y0, y1 = _outline(maps.plot_change_events(change, events))
        assert x0 >= 500060 and y1 <= 5000010, (x0, x1, y0, y1)   # halfway to the next pixel
