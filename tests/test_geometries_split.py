"""places' readers of places in any form (tables of lon/lat or x/y, vector files, GeoJSON, WKT, Earth Engine's .geo,
the CRS they say agreed with the one given) live in `geometries` (23c, which imports nothing of places), so places
stays under the layout's module size; places re-exports each name, so `from alphaearth_nb.places import points_xy`
works as before (and `cubes.LONLAT`, `cubes.points_xy` through it), and help() keeps the Parameters."""
import importlib

import numpy as np
import pandas as pd

NAMES = ["LONLAT", "lonlat_columns", "coordinate_hint", "EE_GEO", "import_geopandas", "table_file", "read_geometries",
         "valid_polygons", "agreed_crs", "read_places", "POINT_COLUMNS", "points_xy"]


def test_places_reexports_the_readers(reexported):
    g, places = reexported("geometries", "places", NAMES)
    from alphaearth_nb.places import agreed_crs, points_xy   # the old spelling
    lon, lat, table = points_xy(pd.DataFrame({"lon": [6.0], "lat": [45.0]}), "EPSG:4326")
    assert np.allclose([lon[0], lat[0]], [6.0, 45.0]) and list(table.columns)[:2] == ["lon", "lat"]
    assert agreed_crs(None, "EPSG:32631") == "EPSG:32631"
    import alphaearth_nb
    assert "Parameters" in alphaearth_nb.geometries.read_geometries.__doc__
    src = importlib.util.find_spec("alphaearth_nb.geometries").origin
    assert "places" not in {l.split()[1] for l in open(src) if l.startswith("from .")}   # below places: no circle
