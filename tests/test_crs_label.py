"""Messages name a CRS of no one EPSG code shortly (crs.crs_label), not by its 800-1800 character WKT, which
`crs_name` keeps for storing (crs_of, grids.write_crs)."""
import numpy as np, pytest, xarray as xr
from pyproj import CRS
from alphaearth_nb.core import PointError
from alphaearth_nb.crs import crs_label, crs_name, crs_of
from alphaearth_nb.geo import pixel_indices
from alphaearth_nb.grids import write_crs

LAEA = "+proj=laea +lat_0=40 +lon_0=10 +x_0=0 +y_0=0 +ellps=GRS80 +units=m"   # a custom LAEA: no EPSG code

def _map():
    x = np.arange(5) * 1000.0 + 500; y = np.arange(4)[::-1] * 1000.0 + 500
    return write_crs(xr.DataArray(np.zeros((4, 5), np.float32), dims=("y", "x"), coords={"y": y, "x": x}), LAEA)

def test_stored_crs_is_still_the_wkt():
    assert crs_name(LAEA).startswith("PROJCRS[") and crs_of(_map()).startswith("PROJCRS[")   # unchanged: stored

def test_off_map_message_names_the_crs_shortly():
    with pytest.raises(PointError) as e: pixel_indices(_map(), [9e6], [9e6])
    msg = str(e.value)
    assert "PROJCRS[" not in msg and "+proj=laea" in msg and "+lat_0=40" in msg
    assert len(msg) < 400, len(msg)   # was: two WKTs, over 2000 characters

def test_label_forms():
    mga = "+proj=utm +zone=55 +south +ellps=GRS80 +units=m"   # GDA94, GDA2020 or PNG94: kept as given
    assert crs_label(mga) == mga and crs_name(mga).startswith("PROJCRS[")
    assert crs_label("EPSG:32631") == "EPSG:32631" and crs_label(32631) == "EPSG:32631"
    named = CRS(LAEA).to_wkt().replace('PROJCRS["unknown"', 'PROJCRS["My LAEA"')
    assert crs_label(named) == "My LAEA"   # no EPSG id: pyproj's name

def test_label_raster_in_a_custom_crs_named_shortly():
    import warnings
    from pyproj import Transformer
    from alphaearth_nb.label_grids import on_map_grid
    X, Y = Transformer.from_crs("EPSG:32632", LAEA, always_xy=True).transform(500000.0, 4430000.0)   # lon 9, lat 40
    g = write_crs(xr.DataArray(np.zeros((4, 5), np.float32), dims=("y", "x"),
                               coords={"y": 4430000.0 + np.arange(4)[::-1] * 10 + 5, "x": 500000.0 + np.arange(5) * 10 + 5}),
                  "EPSG:32632")
    lab = write_crs(xr.DataArray(np.ones((20, 20), np.uint8), dims=("y", "x"),
                                 coords={"y": Y + 100 - np.arange(20) * 10.0 - 5, "x": X - 100 + np.arange(20) * 10.0 + 5}), LAEA)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        on_map_grid(g, lab)
    said = [str(a.message) for a in w if "each map pixel took" in str(a.message)]
    assert said and "PROJCRS[" not in said[0] and "+proj=laea" in said[0] and len(said[0]) < 600, said
