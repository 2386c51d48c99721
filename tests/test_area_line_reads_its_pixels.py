"""`zone_areas.area_vectors` read each zone's bounding window whole: a road drawn diagonally across a map (now a zone
of its own under coverage="area", `line_cells`) read the whole map, 16 GiB for an official tile, to use two rows'
worth of it. A zone that covers under a quarter of its window now reads its own pixels (`places.gather`), with the
same vectors and weights, for a map and a cube alike."""
import warnings

import numpy as np
import pytest
import xarray as xr

gpd = pytest.importorskip("geopandas")
pytest.importorskip("exactextract")
from shapely.geometry import LineString, box

from alphaearth_nb import zone_areas
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((40, 50), seed=2))
X0, Y0 = float(EMB.x[0]), float(EMB.y[0])
ROAD = LineString([(X0 + 2, Y0 - 3), (X0 + 487, Y0 - 386)])   # corner to corner


def _rows(emb, zones):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return aggregate(emb, gpd.GeoDataFrame(geometry=zones, crs="EPSG:32631"), coverage="area", how="mean_std")


def test_a_road_across_the_map_reads_its_own_pixels(monkeypatch):
    seen, real = [], xr.DataArray.isel
    monkeypatch.setattr(xr.DataArray, "isel", lambda self, *a, **k: seen.append(k) or real(self, *a, **k))
    got = _rows(EMB, [ROAD])
    assert not [k for k in seen if isinstance(k.get("y"), slice) and k["y"].stop - k["y"].start > 10]   # no window
    monkeypatch.undo()
    cube = xr.concat([EMB, EMB[::-1, ::-1].assign_coords(x=EMB.x, y=EMB.y)], "time").assign_coords(
        time=np.array(["2023-01-01", "2024-01-01"], "datetime64[ns]"))
    years = _rows(cube, [ROAD])
    np.testing.assert_allclose(years.iloc[0].filter(regex="^A").astype(float), got.iloc[0].filter(regex="^A").astype(float), atol=1e-6)
    assert got["n_pixels"].iloc[0] == years["n_pixels"].iloc[0] > 80


def test_a_window_zone_and_its_sparse_reading_agree():
    sq = box(X0 + 100, Y0 - 200, X0 + 190, Y0 - 110)
    (r, c, f), = zone_areas.covered_cells(EMB, gpd.GeoDataFrame(geometry=[sq], crs="EPSG:32631"))
    per, w = zone_areas.area_vectors(EMB, gpd.GeoDataFrame(geometry=[sq, ROAD], crs="EPSG:32631"),
                                     [[np.zeros((0, 64), np.float32)] * 2])
    np.testing.assert_allclose(per[0][0], EMB.values[r, c], atol=0)                # the window read
    (r2, c2, _), = zone_areas.covered_cells(EMB, gpd.GeoDataFrame(geometry=[ROAD], crs="EPSG:32631"))
    np.testing.assert_allclose(per[0][1], EMB.values[r2, c2], atol=0)              # its own pixels
