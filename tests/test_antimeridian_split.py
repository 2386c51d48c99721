"""geo's geometries across the antimeridian (turn_shift, wrap_geometries, geometries_like, unwrap_lon, geometries_on,
has_geometry) live in `antimeridian` (02c, below geo: it imports only spatial), so geo stays under the layout's module
size; geo re-exports each name, so `geo.wrap_geometries` and `from alphaearth_nb.geo import geometries_on` work as
before (cubes, exports, explorer, places call them through geo), and help() keeps the Parameters."""
import importlib

import numpy as np
import pytest
import xarray as xr

NAMES = ["turn_shift", "wrap_geometries", "geometries_like", "unwrap_lon", "geometries_on", "has_geometry"]


def test_geo_reexports_the_antimeridian_geometries(reexported):
    a, geo = reexported("antimeridian", "geo", NAMES)
    from alphaearth_nb.geo import turn_shift, wrap_geometries   # the old spelling
    ll = geo.write_crs(xr.DataArray(np.zeros((2, 2)), dims=("y", "x"),
                                    coords={"y": [0.00025, -0.00025], "x": [179.99975, 180.00025]}), "EPSG:4326")
    assert turn_shift(ll, -179.9) == 360.0
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import box
    w = wrap_geometries(ll, gpd.GeoSeries([box(-180.0, -0.0005, -179.9995, 0.0005)], crs="EPSG:4326"))
    assert np.allclose(w.iloc[0].bounds, (180.0, -0.0005, 180.0005, 0.0005))
    import alphaearth_nb
    assert "Parameters" in alphaearth_nb.antimeridian.geometries_on.__doc__
    src = importlib.util.find_spec("alphaearth_nb.antimeridian").origin
    assert {l.split()[1] for l in open(src) if l.startswith("from .")} <= {".core", ".spatial"}   # below geo: no circle
