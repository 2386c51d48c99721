"Points exactly on the edge between two official tiles read one vector: the pixel east (or south) of the edge, as on one map."

import numpy as np
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
import geopandas as gpd
from pyproj import Transformer

from alphaearth_nb import official as off
from alphaearth_nb.core import band_names
from alphaearth_nb.cubes import sample


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("edges"), years=(2024,), size=32,
                                  samples=shared_data / "aef_samples")


def test_a_point_on_the_edge_of_two_tiles_reads_the_pixel_east_of_it(mirror, written_at):
    ix = mirror.index[mirror.index["crs"] == "EPSG:32631"].sort_values("utm_west")
    edge = float(ix.utm_east.iloc[0])
    assert edge == float(ix.utm_west.iloc[1])                       # two tiles of zone 31N side by side
    ys = float(ix.utm_south.iloc[0]) + 10.0 * np.arange(2, 30, 3) + 5.0   # pixel centres along the edge
    xs = np.full(len(ys), edge)
    want = np.stack([written_at(mirror, 2024, "31N", edge + 5.0, y) for y in ys])      # east of the edge
    west = np.stack([written_at(mirror, 2024, "31N", edge - 5.0, y) for y in ys])
    assert not np.array_equal(want, west)
    gdf = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xs, ys), crs="EPSG:32631")     # exactly on it, in its CRS
    lon, lat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(xs, ys)
    for pts in (gdf, (lon, lat)):
        got = off.sample_points(pts, 2024, source=mirror.root)
        assert got.inside.all()
        np.testing.assert_array_equal(got[band_names()].to_numpy(np.float32), want)
    cube = off.open((lon.min() - 0.001, lat.min() - 0.001, lon.max() + 0.001, lat.max() + 0.001), 2024,
                    source=mirror.root, crs="EPSG:32631", resampling="nearest")   # the two tiles as one map
    on_map = sample(cube, gdf)
    np.testing.assert_array_equal(on_map[band_names()].to_numpy(np.float32), want)


def test_points_on_outer_edges_read_the_last_pixel_unless_another_tile_holds_them(mirror, written_at):
    # an outer edge no tile holds past reads the tile's last pixel; where another zone's tile holds the point inside
    # it (32N's east edge lies on 31N's second tile), that tile wins, though 32N is the zone the point lies in
    ix = mirror.index[mirror.index["crs"] == "EPSG:32631"].sort_values("utm_west")
    w, e = float(ix.utm_west.iloc[0]), float(ix.utm_east.iloc[1])
    s, n = float(ix.utm_south.iloc[0]), float(ix.utm_north.iloc[0])
    xs, ys = np.array([e, w + 45.0, e, w + 95.0]), np.array([s + 155.0, s, n, n])   # east, south, NE corner, north
    want = [written_at(mirror, 2024, "31N", x, y) for x, y in zip(xs - [5, 0, 5, 0], ys + [0, 5, -5, -5])]
    z32 = mirror.index[mirror.index["crs"] == "EPSG:32632"].iloc[0]
    to31 = Transformer.from_crs("EPSG:32632", "EPSG:32631", always_xy=True)
    ex, ey = to31.transform(float(z32.utm_east), float(z32.utm_south) + 165.0)        # on 32N's outer east edge
    assert float(ix.utm_west.iloc[1]) < ex < e
    xs, ys = np.append(xs, ex), np.append(ys, ey)
    want.append(written_at(mirror, 2024, "31N", ex, ey))
    gdf = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xs, ys), crs="EPSG:32631")
    got = off.sample_points(gdf, 2024, source=mirror.root)
    assert got.inside.all()
    np.testing.assert_array_equal(got[band_names()].to_numpy(np.float32), np.stack(want))
