"""A `crs=` fix for a map whose CRS no short text says (ETRS89 under a custom projection: PROJ.4 drops the datum) reads
the CRS off the map by a placeholder, `aef.geo.crs_of(<the map>)`, as the messages write `<their CRS>`: the user's
name for the map is not known where the message is made. Was `aef.geo.crs_of(emb)` for any map (a label raster, a
cube, a map called `m`), so the fix named a variable the user may not have."""
import warnings

import numpy as np
import pytest
import xarray as xr
from pyproj import CRS

from alphaearth_nb import geo
from alphaearth_nb.core import PointError
from alphaearth_nb.grids import write_crs

# EPSG:3035's WKT renamed and its origin moved to 40 N: no EPSG code, no PROJ.4 text keeps its datum
ETRS_LAEA = CRS("EPSG:3035").to_wkt().replace('"ETRS89-extended / LAEA Europe"', '"ETRS89 / my LAEA"').replace(
    'PARAMETER["Latitude of natural origin",52', 'PARAMETER["Latitude of natural origin",40')


def test_the_fix_reads_the_crs_off_the_map_by_a_placeholder():
    x = 4321000.0 + np.arange(5) * 10 + 5.0; y = 3210000.0 + np.arange(4)[::-1] * 10 + 5.0
    labels = write_crs(xr.DataArray(np.zeros((4, 5), np.float32), dims=("y", "x"), coords={"y": y, "x": x}), ETRS_LAEA)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(PointError) as e: geo.point_crs(labels, [1e6], [1e6])   # off the map either way
    msg = str(e.value)
    assert "`crs=aef.geo.crs_of(<the map>)`" in msg, msg
    assert "emb" not in msg, msg                    # was crs_of(emb): a name the caller never used
