"""maps.plot_rgb(cube, time=i): each year of a cube in colours fitted over all its years, so an unchanged pixel has one
colour in every year's picture (the demo's embedding_rgb.png). Was: one basis per picture."""
import numpy as np, pytest, xarray as xr
from matplotlib.figure import Figure
from alphaearth_nb.core import DimensionError
from alphaearth_nb.maps import plot_rgb


def _cube():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(12, 16, 64)).astype(np.float32)
    b = a.copy(); b[:, 8:] = rng.normal(size=(12, 8, 64)) * 3   # half the pixels change cover in year 2
    v = np.stack([a, b]); v /= np.linalg.norm(v, axis=-1, keepdims=True)
    return xr.DataArray(v, dims=("time", "y", "x", "band"),
                        coords={"time": [2023, 2024], "y": 5.0 + 10 * np.arange(12)[::-1], "x": 5.0 + 10 * np.arange(16),
                                "band": [f"A{i:02d}" for i in range(64)]}, attrs={"crs": "EPSG:32631"})


def _drawn(obj, **kw):
    ax = Figure().subplots(); plot_rgb(obj, ax=ax, **kw)
    return np.asarray(ax.images[0].get_array())[..., :3]


def test_an_unchanged_pixel_has_one_colour_in_both_years():
    cube = _cube()
    y0, y1 = _drawn(cube, time=0), _drawn(cube, time=1)
    assert y0.shape == (12, 16, 3)
    np.testing.assert_allclose(y0[:, :8], y1[:, :8], atol=1e-6)            # unchanged: same colour
    assert np.abs(y0[:, 8:] - y1[:, 8:]).max() > 0.1                        # changed: not
    alone0, alone1 = _drawn(cube.isel(time=0)), _drawn(cube.isel(time=1))   # each year fitted alone: colours drift
    assert np.abs(alone0[:, :8] - alone1[:, :8]).max() > 0.05


def test_time_on_one_map_is_refused():
    with pytest.raises(DimensionError, match="leave time out"):
        plot_rgb(_cube().isel(time=0), ax=Figure().subplots(), time=0)
