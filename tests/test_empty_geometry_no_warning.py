"""A zone or label with an empty geometry (POLYGON EMPTY: a GeoPackage feature whose shape was deleted, a buffer of
nothing) raises no geopandas warning from inside the package: `geo.has_geometry` picks the rows with a shape where
`GeoSeries.notna()` warned 'GeoSeries.notna() previously returned False for both missing (None) and empty
geometries...' (a UserWarning naming geopandas' internals, not the user's data) in `cubes.aggregate` (07e5925's
`places.warn_zones_off_map`) and `cubes.label_table` (so `training_set`, `classify`). Results unchanged: the empty
zone is a row with `n_pixels` 0, the empty label no pixel."""
import warnings

import pytest

from alphaearth_nb import analysis, cubes, geo
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")


@pytest.fixture
def emb():
    "A 4 x 4 map of random unit vectors on the 10 m grid of EPSG:32631 at (500000, 5000000)."
    return embedding_from_array(random_unit((4, 4)))


def _zones(*extra):
    return gpd.GeoDataFrame({"label": [1, 2, 3][:2 + len(extra)]},
                            geometry=[shapely.box(5e5, 5e6 - 40, 5e5 + 20, 5e6), shapely.Polygon(), *extra],
                            crs="EPSG:32631")


def test_has_geometry_reads_missing_and_empty_alike_without_a_warning():
    s = gpd.GeoSeries([shapely.Point(1, 2), None, shapely.Point(), shapely.Polygon()])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert geo.has_geometry(s).tolist() == [True, False, False, False]
        assert geo.has_geometry(gpd.GeoDataFrame(geometry=s)).tolist() == [True, False, False, False]


def test_aggregate_and_labels_with_an_empty_geometry_are_silent(emb):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = cubes.aggregate(emb, _zones())
        assert out["n_pixels"].tolist() == [8, 0]
        t = cubes.label_table(emb, _zones(shapely.box(5e5 + 20, 5e6 - 40, 5e5 + 40, 5e6)))
        assert sorted(t["label"].value_counts().items()) == [(1, 8), (3, 8)]
        X, y = analysis.training_set(emb, _zones(shapely.box(5e5 + 20, 5e6 - 40, 5e5 + 40, 5e6)))
        assert X.shape == (16, 64) and sorted(set(y.tolist())) == [1, 3]
