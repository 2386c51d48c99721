"Zones smaller than a pixel (GPS points with a few metres of buffer, small fields) in `cubes.aggregate` (B18-2)."
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.cubes import aggregate
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box  # noqa: E402


def test_case_B18_zones_smaller_than_a_pixel_get_the_pixel_holding_them():
    "GPS points with a 3 m buffer, 4 x 4 m fields: no pixel centre inside, so n_pixels 0 and NaN; now the pixel under them."
    from shapely.geometry import Point
    from alphaearth_nb.core import band_names
    e = embedding_from_array(random_unit((20, 20), seed=5)); x, y = e.x.values, e.y.values
    at = [(7, 5), (3, 12), (15, 2)]                                        # (row, col) under each zone
    small = [Point(x[c] + 4, y[r] - 4).buffer(3) for r, c in at[:2]] + [box(x[2] - 4.5, y[15] + 0.5, x[2] - 0.5, y[15] + 4.5)]
    big = box(x[8] - 5, y[10] - 5, x[9] + 5, y[9] + 5)                    # 2 x 2 pixels: as before
    g = gpd.GeoDataFrame({"id": range(4)}, geometry=small + [big], crs="EPSG:32631")
    res = aggregate(e, g)
    assert res["n_pixels"].tolist() == [1, 1, 1, 4]
    for i, (r, c) in enumerate(at):
        np.testing.assert_allclose(res.loc[i, band_names()].to_numpy(float), e.values[r, c], atol=1e-6)
    e2 = e.copy(); e2[7, 5] = np.nan                                         # no data under the zone: still none
    assert aggregate(e2, g)["n_pixels"].tolist() == [0, 1, 1, 4]
    cube = xr.concat([e, e2], "time").assign_coords(time=[2023, 2024])      # per year, as the pixel has data
    assert aggregate(cube, g)["n_pixels"].tolist() == [1, 1, 1, 4, 0, 1, 1, 4]


def test_without_shapely_cubes_imports_and_zones_name_the_extra(fresh):
    "shapely is imported once at the top of cubes (was inside tile_zones/h3_zones/_buffer_metres): without it (and "
    "geopandas) the module still imports, and asking for zones names the extra to install."
    code = ("import sys\nsys.modules['shapely'] = sys.modules['geopandas'] = None\n"
            "from alphaearth_nb import cubes\nfrom alphaearth_nb.core import MissingDependencyError\n"
            "from alphaearth_nb.testing import embedding_from_array, random_unit\n"
            "try: cubes.aggregate(embedding_from_array(random_unit((4, 4))), tile=2)\n"
            "except MissingDependencyError as e: print(e)\n")
    r, = fresh([(code, {})])
    assert r.returncode == 0, r.stderr
    assert "pip install 'alphaearth_nb[official]'" in r.stdout and "tile zones" in r.stdout, r.stdout
