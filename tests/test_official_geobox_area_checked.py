"""official.open(area, geobox=...) checks the area it is given: a bbox that is no (west, south, east, north) is
refused as it is without a GeoBox, and an area wholly apart from the GeoBox is warned naming both (session 33's
review of 8f61faa). Decided: the GeoBox is the output's extent and chooses the tiles (8f61faa); an area beside it
chooses nothing, but one that cannot be an area is refused, and one off the GeoBox (a slip in one of the two, or an
area that chooses nothing) is said and the GeoBox read. Was: both read the GeoBox in silence. Local mirror in the official layout (as
test_official_geobox_tiles)."""
import numpy as np
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
from affine import Affine
from odc.geo.geobox import GeoBox
from pyproj import Transformer

import alphaearth_nb.official as off
from alphaearth_nb.core import ConfigError, GridWarning


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2024,), samples=shared_data / "aef_samples")


def _geobox(mirror):
    "A 20 x 30 GeoBox on the first 31N tile's grid, and a small lon/lat box inside it."
    r = mirror.index[mirror.index.utm_zone == "31N"].sort_values("utm_west").iloc[0]
    x0, y0 = float(r.utm_west) + 200, float(r.utm_north) - 200
    to = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform
    (w, s), (e, n) = to(x0 + 50, y0 - 150), to(x0 + 100, y0 - 100)
    return GeoBox((20, 30), Affine(10, 0, x0, 0, -10, y0), "EPSG:32631"), (w, s, e, n)


@pytest.mark.parametrize("area,words", [
    ("west_east", "has west > east: west and east swapped?"),
    ("out_of_range", "is not (west, south, east, north) in degrees"),
])
def test_an_invalid_area_beside_a_geobox_is_refused_as_without_one(mirror, area, words):
    gb, (w, s, e, n) = _geobox(mirror)
    bad = {"west_east": (e, s, w, n), "out_of_range": (w, s, e, 95.0)}[area]
    with pytest.raises(ConfigError) as alone:
        off.open(bad, 2024, source=mirror.root)
    with pytest.raises(ConfigError) as beside:
        off.open(bad, 2024, source=mirror.root, geobox=gb)
    assert words in str(beside.value) and str(beside.value) == str(alone.value), str(beside.value)


def test_an_area_apart_from_the_geobox_is_said_naming_both_and_the_geobox_read(mirror):
    gb, _ = _geobox(mirror)
    with pytest.warns(GridWarning, match="lies wholly outside the GeoBox") as rec:
        a = off.open((100.0, 10.0, 100.1, 10.1), 2024, source=mirror.root, geobox=gb, chunks=32).isel(time=0)
    b = off.open(None, 2024, source=mirror.root, geobox=gb, chunks=32).isel(time=0)
    np.testing.assert_array_equal(a.values, b.values)
    msg = next(str(w.message) for w in rec if "GeoBox" in str(w.message))
    assert "(100.0, 10.0, 100.1, 10.1) lies wholly outside the GeoBox" in msg and "area=None" in msg, msg
    assert "the GeoBox is read and the area chooses nothing" in msg, msg
    assert "latitude first" not in msg, msg


def test_an_area_written_latitude_first_beside_its_geobox_is_named_swapped(mirror):
    gb, (w, s, e, n) = _geobox(mirror)
    with pytest.warns(GridWarning, match="lies wholly outside the GeoBox") as rec:
        off.open((s, w, n, e), 2024, source=mirror.root, geobox=gb)
    msg = next(str(w.message) for w in rec if "GeoBox" in str(w.message))
    assert "lies wholly outside the GeoBox" in msg and f"looks swapped (latitude first): {(w, s, e, n)}" in msg, msg


def test_an_area_inside_the_geobox_still_reads_the_geobox_silently(mirror):
    import warnings
    gb, inside = _geobox(mirror)
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*GeoBox")
        a = off.open(inside, 2024, source=mirror.root, geobox=gb, chunks=32).isel(time=0).compute()
    b = off.open(None, 2024, source=mirror.root, geobox=gb, chunks=32).isel(time=0).compute()
    assert a.shape == (20, 30, 64) and np.isfinite(a.values).all()
    np.testing.assert_array_equal(a.values, b.values)
