"""maps.plot_change_events (was quality.plot_change_events) draws the change map as the other maps are drawn: on the
CRS's coordinates with axes labelled by maps.axis_labels, a colour bar that says what its colours are, and the true
change outlined on those coordinates, in the right place for a map stored south-up too. Was: pixel rows and columns,
axes off, a colour bar of no label (session 37's field case)."""
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import maps, quality
from alphaearth_nb.core import DimensionError, MovedError

# 40 x 30 pixels of 10 m in EPSG:32631: x centres 500005 .. 500295, y centres 4200395 .. 4200005 (north-up)
X, Y = 500005.0 + 10 * np.arange(30), 4200395.0 - 10 * np.arange(40)


def _change():
    v = np.random.default_rng(0).uniform(0, 2, (40, 30))
    return xr.DataArray(v, dims=("y", "x"), coords={"y": Y, "x": X}, name="change", attrs={"crs": "EPSG:32631"})


def _outline(ax):
    "The bounding box (x0, x1, y0, y1) of the contour drawn last."
    v = np.concatenate([p.vertices for p in ax.collections[-1].get_paths() if len(p.vertices)])
    return v[:, 0].min(), v[:, 0].max(), v[:, 1].min(), v[:, 1].max()


@pytest.mark.parametrize("south_up", [False, True])
def test_the_change_map_is_on_crs_axes_with_the_outline_in_place(south_up):
    ch, moved = _change(), np.zeros((40, 30), bool)
    moved[10:20, 5:15] = True   # rows 10..19 from the top, columns 5..14
    if south_up: ch, moved = ch.isel(y=slice(None, None, -1)), moved[::-1]   # the same map stored south-first
    ax = maps.plot_change_events(ch, moved)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("easting (m, EPSG:32631)", "northing (m)") and ax.axison
    assert tuple(ax.get_xlim()) == (500000.0, 500300.0) and tuple(sorted(ax.get_ylim())) == (4200000.0, 4200400.0)
    bar = ax.figure.axes[-1]
    assert bar.get_ylabel() == "1 - dot of the years' unit embeddings\n(0 same, 2 opposite)"   # was no label
    # the outline lies half-way between the changed pixels' centres and their neighbours': x between column 4's
    # centre 500045 and column 5's 500055 (500050) .. between 14's and 15's (500150); y between rows 19/20 and 9/10
    assert _outline(ax) == pytest.approx((500050.0, 500150.0, 4200200.0, 4200300.0))
    plt.close("all")


def test_events_of_another_grid_are_refused():
    with pytest.raises(DimensionError, match="give the true change on the change map's grid"):
        maps.plot_change_events(_change(), np.zeros((30, 40), bool))


def test_quality_no_longer_draws_it():
    # one drawing of it, in maps (quality is a floor below); the old name says where it went (session 39: MovedError)
    with pytest.raises(MovedError, match="aef.maps.plot_change_events"):
        quality.plot_change_events
