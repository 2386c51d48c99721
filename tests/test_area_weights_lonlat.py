"""`aggregate(coverage="area")` on a lon/lat map weighted each pixel by the share of its area in square degrees: a
pixel at 60 N counted as much ground as one at the equator's latitude band below it, where it covers half of it
(cos 60 = 0.5), and a line's east-west stretch counted its degrees, twice its ground length against a north-south one
at 60 N. Pixel weights now carry the cosine of their row's latitude, and a line's pieces their ground length."""
import warnings

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
pytest.importorskip("exactextract")
from shapely.geometry import LineString, box

from alphaearth_nb.cubes import aggregate
from alphaearth_nb.gate import unit_rows
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.zone_areas import line_cells

V = random_unit((2, 1), seed=5)
LAT = np.array([60.0, 30.0])   # two rows of 30-degree pixels: centres 60 N and 30 N
EMB = embedding_from_array(V, coords={"y": LAT, "x": np.array([10.0])}, crs="EPSG:4326")


def test_a_pixel_counts_the_ground_it_covers():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = aggregate(EMB, gpd.GeoDataFrame(geometry=[box(-5, 15, 25, 75)], crs="EPSG:4326"), coverage="area")
    w = np.cos(np.radians(LAT))   # the zone covers both pixels whole: each by its ground area
    np.testing.assert_allclose(got.filter(regex=r"^A\d\d$").to_numpy()[0], unit_rows((w[:, None] * V[:, 0]).sum(0)),
                               atol=1e-6)                # was weights 1 and 1: the north pixel counted 1.7x its ground


def test_a_lines_east_west_degree_is_its_ground_length():
    east = line_cells(LineString([(0, 60), (10, 60)]), (0.5, 1.0, 60.5, -1.0), (2, 20), lonlat=True)[2].sum()
    north = line_cells(LineString([(0.5, 60), (0.5, 50)]), (0.5, 1.0, 60.5, -1.0), (20, 2), lonlat=True)[2].sum()
    assert east == pytest.approx(10 * np.cos(np.radians(60))) and north == pytest.approx(10)   # was 10 and 10
