"""Southern-hemisphere tiles of a local mirror (`build_local_mirror(at=(0, -17))`: zones 30S and 31S) follow the
official layout: folders '30S'/'31S', CRS EPSG:327xx, northings with the 10,000,000 m false northing (about 8.1e6 at
17 deg S, never negative), the index's utm bounds those of each COG, and `official.open` over a southern area gives
the vectors written, bit for bit. Session 31 reported odd northings (zone 30S at y -8.1e6): not reproduced on
8f61faa; this guards the round trip."""
import numpy as np
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
import rasterio
from pyproj import Transformer

import alphaearth_nb.official as off


@pytest.fixture(scope="module")
def south(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("south"), years=(2024,), samples=shared_data / "aef_samples",
                                  at=(0.0, -17.0))


def test_southern_tiles_use_the_false_northing(south):
    idx = south.index
    assert sorted(idx.utm_zone.unique()) == ["30S", "31S"] and set(idx["crs"]) == {"EPSG:32730", "EPSG:32731"}
    assert ((idx.utm_south > 8.0e6) & (idx.utm_north < 8.2e6)).all(), idx[["utm_south", "utm_north"]]
    for _, r in idx.iterrows():
        assert r.path.split("/")[-2] == r.utm_zone and r["crs"] == f"EPSG:327{r.utm_zone[:-1].zfill(2)}"
        with rasterio.open(south.root / "/".join(r.path.split("/")[-3:])) as d:   # YEAR/ZONE/name.tiff
            assert str(d.crs) == r["crs"]
            b = d.bounds   # bottom-up: top < bottom in rasterio's words
            assert (b.left, min(b.top, b.bottom), b.right, max(b.top, b.bottom)) == \
                   (r.utm_west, r.utm_south, r.utm_east, r.utm_north)
        lon, lat = Transformer.from_crs(r["crs"], "EPSG:4326", always_xy=True).transform(
            (r.utm_west + r.utm_east) / 2, (r.utm_south + r.utm_north) / 2)
        assert -17.01 < lat < -16.99 and r.wgs84_south < lat < r.wgs84_north


def test_a_southern_area_round_trips(south, written_at):
    r = south.index[south.index.utm_zone == "30S"].iloc[0]
    to_ll = Transformer.from_crs(r["crs"], "EPSG:4326", always_xy=True).transform
    w, s = to_ll(r.utm_west + 100, r.utm_south + 100); e, n = to_ll(r.utm_west + 300, r.utm_south + 300)
    cube = off.open((w, s, e, n), 2024, source=south.root, chunks=32).isel(time=0).compute()
    assert cube.attrs["crs"] == "EPSG:32730" and float(cube.y.min()) > 8.0e6
    got = 0
    for i, y in enumerate(cube.y.values):
        for j, x in enumerate(cube.x.values):
            want = written_at(south, 2024, "30S", float(x), float(y))
            if want is None: continue
            np.testing.assert_array_equal(cube.values[i, j], want); got += 1
    assert got >= 300, got
