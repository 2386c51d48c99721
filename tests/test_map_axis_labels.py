"""Map axes are labelled by what the coordinates are, read from the CRS: 'easting (m, EPSG:32631)' / 'northing (m)',
'longitude (deg, EPSG:4326)' / 'latitude (deg)', feet as such; a CRS of no short name (a custom LAEA, whose crs_of is
800 characters of WKT) by its units alone. Was: 'x (EPSG:32631)' / 'y', and a bare 'x' for any CRS text of 20
characters or more; the live map's picture put crs_of's whole WKT under its x axis."""
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np, pytest, xarray as xr
from alphaearth_nb.grids import write_crs
from alphaearth_nb.maps import axis_labels, plot

LAEA = "+proj=laea +lat_0=40 +lon_0=10 +x_0=0 +y_0=0 +ellps=GRS80 +units=m"

def _emb(crs, x0=0.0, y0=0.0, step=10.0):   # 4 x 5 pixels, 64 bands of unit length
    x = x0 + np.arange(5) * step + step / 2; y = y0 + np.arange(4)[::-1] * step + step / 2
    v = np.random.default_rng(0).normal(size=(4, 5, 64)); v = (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)
    e = xr.DataArray(v, dims=("y", "x", "band"), coords={"y": y, "x": x, "band": [f"A{i:02d}" for i in range(64)]},
                     name="embedding")
    return write_crs(e, crs)

@pytest.mark.parametrize("crs, x0, y0, step, want", [
    ("EPSG:32631", 5e5, 5e6, 10.0, ("easting (m, EPSG:32631)", "northing (m)")),
    ("EPSG:4326", 3.0, 45.0, 1e-4, ("longitude (deg, EPSG:4326)", "latitude (deg)")),
    ("EPSG:3035", 4.3e6, 3.2e6, 10.0, ("easting (m, EPSG:3035)", "northing (m)")),   # northing first in EPSG
    ("EPSG:2229", 6.5e6, 1.8e6, 30.0, ("easting (US ft, EPSG:2229)", "northing (US ft)")),   # California 5, ftUS
    (LAEA, 0.0, 0.0, 10.0, ("easting (m)", "northing (m)")),
])
def test_plot_axes_say_what_the_coordinates_are(crs, x0, y0, step, want):
    ax = plot(_emb(crs, x0, y0, step))
    assert (ax.get_xlabel(), ax.get_ylabel()) == want
    plt.close("all")

def test_no_crs_is_x_and_y():
    assert axis_labels(None) == ("x", "y")

def test_live_map_picture_names_no_wkt():
    from alphaearth_nb.explorer import Explorer
    ax = Explorer(_emb(LAEA), basemaps=False).picture()
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("easting (m)", "northing (m)"), ax.get_xlabel()[:100]
    plt.close("all")

def test_live_map_names_a_custom_crs_shortly():
    from alphaearth_nb.core import NoValidDataError
    from alphaearth_nb.explorer import Explorer
    e = _emb(LAEA)
    e[1, 1] = np.nan   # a pixel of no data on the map
    ex = Explorer(e, basemaps=False)
    assert "PROJCRS[" not in repr(ex) and "+proj=laea" in repr(ex), repr(ex)[:200]
    with pytest.raises(NoValidDataError) as err: ex.click(float(e.x[1]), float(e.y[1]), mode="query")
    assert "PROJCRS[" not in str(err.value) and "+proj=laea" in str(err.value), str(err.value)[:200]
