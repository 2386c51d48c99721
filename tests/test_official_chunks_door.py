"""`official.open(..., chunks={"y": 32, "x": 32})` (xarray's form; the signature says an int) failed inside GDAL's read
as a `MissingDataError` blaming a healthy tile ('cannot read ... as a GeoTIFF'), a tuple or 0 alike, and 'auto' or
None were taken silently. `mirrors.chunk_side` reads one side in pixels for `official.open`, `zone_cube`,
`sample_points` and `open_tile` before any tile is opened: anything else is a `ConfigError` naming the fix."""
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray")
from pyproj import Transformer

import alphaearth_nb.official as off
from alphaearth_nb.core import ConfigError
from alphaearth_nb import mirrors

BAD = [({"y": 32, "x": 32}, "pass chunks=32"), ({"y": 32, "x": 64}, "cube.chunk({'y': 32, 'x': 64})"),
       ("auto", "leave it out for 512"), (None, "leave it out for 512"), ((32, 32), "not a whole number"),
       (0, "1 pixel or more"), (-3, "1 pixel or more"), (True, "not a whole number"), (2.5, "not a whole number")]


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2024,), samples=shared_data / "aef_samples")


def _area(mirror):
    r = mirror.index.iloc[0]
    to = Transformer.from_crs(r["crs"], "EPSG:4326", always_xy=True).transform
    return (*to(r.utm_west + 100, r.utm_south + 100), *to(r.utm_west + 600, r.utm_south + 600))


@pytest.mark.parametrize("chunks,words", BAD)
def test_every_reader_refuses_a_chunks_that_is_no_side_before_reading(mirror, chunks, words):
    area = _area(mirror)
    calls = [lambda: off.open(area, 2024, source=mirror.root, chunks=chunks),
             lambda: off.sample_points(([area[0]], [area[1]]), 2024, source=mirror.root, chunks=chunks),
             lambda: mirrors.chunk_side(chunks)]
    for call in calls:
        with pytest.raises(ConfigError, match=words.replace("(", r"\(").replace(")", r"\)").replace("{", r"\{")):
            call()
    t = off.tiles(area, [2024], source=mirror.root)
    with pytest.raises(ConfigError):
        off.open_tile(t["href"].iloc[0], chunks)


@pytest.mark.parametrize("side", [32, 32.0])
def test_a_side_still_reads(mirror, side):
    cube = off.open(_area(mirror), 2024, source=mirror.root, chunks=side)
    assert cube.chunks[1][0] == min(32, cube.sizes["y"]) and bool(cube.notnull().any().compute())
