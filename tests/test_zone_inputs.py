"Zones as GeoDataFrames come in many shapes: geometry columns of other names, features without a geometry."
import numpy as np
import pytest

from alphaearth_nb.core import GridWarning, band_names
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
from shapely.geometry import Point, Polygon, box  # noqa: E402


def _map():
    e = embedding_from_array(random_unit((4, 4), seed=3))
    return e, e.x.values, e.y.values


def _mean(v):
    m = v.reshape(-1, 64).astype(np.float64).sum(0)
    return m / np.linalg.norm(m)


def test_geometry_column_named_geom_is_kept():
    "PostGIS and some GeoPackages name the geometry column `geom`: aggregate raised ValueError 'Unknown column geometry'."
    e, x, y = _map()
    tl, br = box(x[0] - 5, y[1] - 5, x[1] + 5, y[0] + 5), box(x[2] - 5, y[3] - 5, x[3] + 5, y[2] + 5)
    g = gpd.GeoDataFrame({"id": ["a", "b"]}, geometry=gpd.GeoSeries([tl, br]), crs="EPSG:32631").rename_geometry("geom")
    for zones in (g, g.iloc[[0, 0]]):                                    # apart, and overlapping (read window by window)
        res = aggregate(e, zones)
        assert res.geometry.name == "geom" and "geometry" not in res.columns
        assert res["n_pixels"].tolist() == [4, 4]
    res = aggregate(e, g)
    np.testing.assert_allclose(res.loc[0, band_names()].to_numpy(float), _mean(e.values[:2, :2]), atol=1e-6)
    pts = gpd.GeoDataFrame({"id": [1]}, geometry=[Point(x[1], y[1])], crs="EPSG:32631").rename_geometry("geom")
    res = aggregate(e, pts, buffer=3)                                    # buffers replace the points in `geom`
    assert res.geometry.name == "geom" and "geometry" not in res.columns
    assert res.geom_type.tolist() == ["Polygon"] and res["n_pixels"].tolist() == [1]


@pytest.mark.parametrize("missing", [None, Polygon()])
def test_zone_without_geometry_is_an_empty_row(missing):
    "A feature without a geometry among overlapping zones raised AttributeError (None) or ValueError (empty: NaN bounds)."
    e, x, y = _map()
    a, b = box(x[0] - 5, y[1] - 5, x[1] + 5, y[0] + 5), box(x[1] - 5, y[2] - 5, x[2] + 5, y[1] + 5)   # they overlap
    for geoms in ([a, b, missing], [a, missing]):                       # overlapping, and apart
        res = aggregate(e, gpd.GeoDataFrame({"id": range(len(geoms))}, geometry=geoms, crs="EPSG:32631"))
        assert res["n_pixels"].tolist() == [4] * (len(geoms) - 1) + [0]
        assert res.loc[len(geoms) - 1, band_names()].isna().all()
        np.testing.assert_allclose(res.loc[0, band_names()].to_numpy(float), _mean(e.values[:2, :2]), atol=1e-6)


def test_invalid_polygon_is_made_valid_and_warned():
    "A self-intersecting ring (a bowtie) beside an overlapping zone raised GEOS's TopologyException ('side location "
    "conflict'); now made valid (its two triangles), warned with the row, the reason and the repair, in every reader."
    from alphaearth_nb.cubes import label_table
    from alphaearth_nb.places import valid_polygons
    e, x, y = _map()
    x0, y0 = x[0] - 5, y[0] + 5
    at = lambda pts: Polygon([(x0 + 10 * c, y0 - 10 * r) for c, r in pts])   # (column, row) in pixels from the corner
    bow = at([(0, 0.2), (4, 3.8), (4, 0.2), (0, 3.8)])                          # crosses itself at the map's centre
    g = gpd.GeoDataFrame({"label": ["bow", "box"]}, geometry=[bow, at([(0, 0), (2, 0), (2, 2), (0, 2)])],
                         crs="EPSG:32631", index=["f7", "f9"])
    with pytest.warns(GridWarning, match=r"1 of the 2 polygons are invalid \(first: row 'f7', Self-intersection.*"
                                         r"gdf.make_valid\(\)"):
        res = aggregate(e, g)                                                # overlapping zones: read window by window
    assert res["n_pixels"].tolist() == [4, 4]
    cells = [(1, 0), (2, 0), (1, 3), (2, 3)]                                 # (row, col): two in each triangle
    np.testing.assert_allclose(res.loc["f7", band_names()].to_numpy(float),   # rows keep the zones' own index
                               _mean(np.stack([e.values[r, c] for r, c in cells])), atol=1e-6)
    assert res.geom_type.tolist() == ["MultiPolygon", "Polygon"]
    with pytest.warns(GridWarning, match="polygons are invalid"):
        t = label_table(e, g.iloc[:1])
    assert sorted(zip(np.round((y0 - t.y) // 10).astype(int), np.round((t.x - x0) // 10).astype(int))) == sorted(cells)
    ok = g.iloc[1:]
    assert valid_polygons(ok) is ok                                          # nothing to repair: as given
