"""crs_of reads a DataTree's own attrs['crs'] at the place of its data, as it reads a Dataset's (`_by_place`): UTM 31N
on GRS80 with `+towgs84=0,0,0` fits ETRS89 (EPSG:25831) and RGSH2020 (Algeria's, EPSG:22231) alike; a stack at 45 N
is in ETRS89, one at 32 N in RGSH2020. Was: the text as it is, held only on the tree's root."""
import numpy as np, xarray as xr
from alphaearth_nb.crs import crs_of

UTM31 = "+proj=utm +zone=31 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"

def _tree(y0):   # one child of 2 x 2 pixels at x 500 km (3 E), northing y0; the CRS on the root alone
    ds = xr.Dataset({"B4": (("time", "y", "x"), np.zeros((1, 2, 2)))},
                    coords={"time": [np.datetime64("2024-06-01")], "y": [y0, y0 - 10.0], "x": [5e5, 5e5 + 10]})
    return xr.DataTree.from_dict({"/": xr.Dataset(attrs={"crs": UTM31}), "sentinel2": ds})

def test_root_crs_read_at_the_place_of_the_data():
    assert crs_of(_tree(5.0e6)) == "EPSG:25831"   # 45 N: ETRS89's area of use alone
    assert crs_of(_tree(3.5e6)) == "EPSG:22231"   # 32 N: RGSH2020's

def test_as_its_child_reads_it():
    t = _tree(5.0e6)
    assert crs_of(t) == crs_of(t["sentinel2"].to_dataset().assign_attrs(crs=UTM31))

def test_a_root_without_data_or_place_keeps_the_text():
    t = xr.DataTree(xr.Dataset(attrs={"crs": UTM31}))
    assert crs_of(t) == UTM31
