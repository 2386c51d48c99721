"""Off-the-map messages (labels.OFF_MAP, from features.points_at and supervised.training_set) and the pixel-size
warning (schema.check_pixel_size) name a map of a custom CRS (no EPSG code) by crs.crs_label, not by the 800-1800
character WKT that crs_of stores."""
import warnings
import numpy as np, pytest, xarray as xr
from alphaearth_nb.core import LabelError
from alphaearth_nb.grids import write_crs

LAEA = "+proj=laea +lat_0=40 +lon_0=10 +x_0=0 +y_0=0 +ellps=GRS80 +units=m"   # a custom LAEA: no EPSG code

def _emb(step=10.0):   # 4 x 5 pixels of 10 m near the LAEA's origin (lon 10, lat 40), 64 bands of unit length
    x = np.arange(5) * step + step / 2; y = np.arange(4)[::-1] * step + step / 2
    v = np.random.default_rng(0).normal(size=(4, 5, 64)); v = (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)
    return write_crs(xr.DataArray(v, dims=("y", "x", "band"), coords={"y": y, "x": x, "band": np.arange(64)}), LAEA)

def _far_labels():   # a label raster in UTM 32N near lon 9, lat 45: some 560 km from the map, off it
    x = 500000.0 + np.arange(3) * 10 + 5; y = 4983000.0 + np.arange(3)[::-1] * 10 + 5
    return write_crs(xr.DataArray(np.ones((3, 3), np.int16), dims=("y", "x"), coords={"y": y, "x": x}), "EPSG:32632")

def _short(msg):
    assert "PROJCRS[" not in msg and "+proj=laea" in msg and "+lat_0=40" in msg, msg
    assert len(msg) < 400, len(msg)   # was: the map's WKT inside, over 1000 characters

def test_points_at_off_map_names_the_crs_shortly():
    from alphaearth_nb.features import points_at
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(LabelError, match="outside the grid of the map") as e: points_at(_emb(), _far_labels())
    _short(str(e.value))

def test_training_set_off_map_names_the_crs_shortly():
    from alphaearth_nb.supervised import training_set
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(LabelError, match="outside the grid of the map") as e: training_set(_emb(), _far_labels())
    _short(str(e.value))

def test_pixel_size_warning_names_the_crs_shortly():
    from alphaearth_nb.schema import check_pixel_size
    ds = _emb(step=30.0).isel(band=0, drop=True).to_dataset(name="B4")   # 30 m pixels: not the model's 10 m
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        check_pixel_size("s2", ds)
    said = [str(a.message) for a in w if "pixels measure" in str(a.message)]
    assert said and "PROJCRS[" not in said[0] and "+proj=laea" in said[0], said

def _metres_under_degrees():   # a custom geographic CRS (International 1924, no EPSG code) over x/y in metres
    x = 500000.0 + np.arange(5) * 10 + 5; y = 4430000.0 + np.arange(4)[::-1] * 10 + 5
    return write_crs(xr.DataArray(np.zeros((4, 5), np.float32), dims=("y", "x"), coords={"y": y, "x": x}),
                     "+proj=longlat +ellps=intl +no_defs")

def test_degrees_refusals_name_a_custom_geographic_crs_shortly():
    from alphaearth_nb.core import GridError
    from alphaearth_nb.crs_checks import check_grid_degrees
    from alphaearth_nb.schema import check_grid
    for call in (lambda: check_grid_degrees(_metres_under_degrees()),
                 lambda: check_grid("s2", _metres_under_degrees().to_dataset(name="B4"), None)):
        with pytest.raises(GridError) as e: call()
        msg = str(e.value)
        assert "GEOGCRS[" not in msg and "+proj=longlat" in msg and "+ellps=intl" in msg, msg

def test_evaluate_table_without_coordinates_names_the_crs_shortly(tmp_path):
    import pandas as pd
    from alphaearth_nb.crs import crs_name
    from alphaearth_nb.evaluate_cmd import _table_coordinates
    t = pd.DataFrame({"easting": [500000.0], "northing": [4500000.0], "class": [1]})   # x/y under other names: the message says
    with pytest.raises(LabelError) as e: _table_coordinates(tmp_path / "l.csv", t, crs_name(LAEA))   # what CRS they read in
    msg = str(e.value)
    assert "PROJCRS[" not in msg and "+proj=laea" in msg and "+lat_0=40" in msg, msg

def test_sources_in_two_crs_named_shortly():
    from alphaearth_nb.core import GridError
    from alphaearth_nb.schema import check_grid
    a = _emb().isel(band=0, drop=True).to_dataset(name="B4")
    b = write_crs(a.copy(), "+proj=laea +lat_0=41 +lon_0=10 +x_0=0 +y_0=0 +ellps=GRS80 +units=m")   # another centre
    with pytest.raises(GridError) as e: check_grid("s2", a, ("s1", b))
    msg = str(e.value)
    assert "PROJCRS[" not in msg and "+lat_0=40" in msg and "+lat_0=41" in msg and len(msg) < 400, msg
