"""A GeoDataFrame without a CRS is read by the one rule for places without one, at every door.

`similarity(gdf)` of points in UTM metres on a UTM map, the GeoDataFrame without a CRS, read them on the map, while
`sample(gdf)`, `classify(gdf)` and `aggregate` raised GridError 'the GeoDataFrame has no CRS: set it with
`gdf.set_crs('EPSG:4326')`': a fix that puts metres at lon/lat, off the map. Right: as a table of x/y without
`crs=` (`geo.point_crs`): the map's CRS where they lie on it so, lon/lat where they do so; without a map the
error names lon/lat and the CRS they are in, e.g. UTM."""
import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
pyproj = pytest.importorskip("pyproj")

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import GridError
from alphaearth_nb.geometries import read_geometries
from alphaearth_nb.places import sample

R, C = np.array([1, 5, 7, 10, 2, 8]), np.array([2, 9, 3, 11, 6, 0])


@pytest.fixture(scope="module")
def emb(utm_emb):
    return utm_emb(3)


def _xy(emb):
    return emb.x.values[C], emb.y.values[R]


@pytest.mark.parametrize("lonlat", [False, True])
@pytest.mark.parametrize("series", [False, True])
def test_sample_reads_a_geodataframe_without_crs(emb, lonlat, series):
    x, y = _xy(emb)
    if lonlat: x, y = pyproj.Transformer.from_crs(32631, 4326, always_xy=True).transform(x, y)
    g = gpd.GeoDataFrame(geometry=gpd.points_from_xy(x, y))   # no CRS
    out = sample(emb, g.geometry if series else g)
    assert out["inside"].all()
    np.testing.assert_allclose(out[[f"A{i:02d}" for i in range(64)]].to_numpy(), emb.values[R, C], atol=1e-6)


def test_classify_reads_labels_without_crs(emb):
    x, y = _xy(emb)
    labels = gpd.GeoDataFrame({"label": [1, 2, 3, 1, 2, 3]}, geometry=gpd.points_from_xy(x, y))   # metres, no CRS
    cls = classify(emb, labels, k=1)["class"]
    assert cls.values[R, C].tolist() == [1, 2, 3, 1, 2, 3]   # each labelled pixel its own class


def test_without_a_map_both_crs_are_named(emb):
    x, y = _xy(emb)
    with pytest.raises(GridError, match=r"set_crs\('EPSG:4326'\)` for lon/lat or e\.g\. `gdf\.set_crs\('EPSG:32631'\)"):
        read_geometries(gpd.GeoDataFrame(geometry=gpd.points_from_xy(x, y)))
