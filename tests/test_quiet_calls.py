"""The package's calls that once ran under `warnings.catch_warnings` (process-wide before Python 3.14: a thread's
filters meanwhile are lost, and the user's own filters are hidden while it runs) now warn nothing of their own, by a
call that does not warn, and leave the user's filters in force around them. Each: the result as before, under the
user's `simplefilter('error', ...)`, and the filter list as it was."""
import inspect
import warnings

import pyproj
import pytest

from alphaearth_nb import geo
from alphaearth_nb.testing import embedding_from_array, random_unit


def _strict(f, category=Warning):
    "f() with `category` an error, as a user's `simplefilter('error', category)`; the filters unchanged by it."
    with warnings.catch_warnings():
        warnings.simplefilter("error", category)
        before = list(warnings.filters)
        out = f()
        assert warnings.filters == before
    return out


@pytest.mark.parametrize("mod", [geo])
def test_no_catch_warnings(mod):
    assert "warnings.catch_warnings()" not in inspect.getsource(mod)


@pytest.fixture(scope="module")
def utm_map():   # a 10 m UTM 31N map near 45 N, 3 E
    return embedding_from_array(random_unit((8, 8), seed=4))


def _lonlat(m, rc):
    t = pyproj.Transformer.from_crs(m.attrs["crs"], "EPSG:4326", always_xy=True)
    return t.transform([float(m.x[c]) for _, c in rc], [float(m.y[r]) for r, _ in rc])


def test_crs_guess_reads_lon_lat_given_as_map_metres_warning_nothing(utm_map):
    lon, lat = _lonlat(utm_map, [(0, 0), (3, 4), (7, 2)])   # pixel centres, as lon/lat, read in the map's metres
    assert _strict(lambda: geo.crs_guess(utm_map, lon, lat)) == ("crs", "EPSG:4326")
    # far off every reading (pyproj's inf where a reading cannot place them): no guess, and no warning
    assert _strict(lambda: geo.crs_guess(utm_map, [1e30, -1e30], [1e30, 89.9999])) is None


def test_crs_guess_keeps_the_users_filter_around_its_probe(utm_map, monkeypatch):
    # a warning from within the probe's transform reaches the user's own filter (was: ignored by the probe's
    # `catch_warnings`, whatever the user had set)
    real = geo.to_crs

    def warning_to_crs(*a, **k):
        warnings.warn("said inside the probe", UserWarning)
        return real(*a, **k)

    monkeypatch.setattr(geo, "to_crs", warning_to_crs)
    lon, lat = _lonlat(utm_map, [(1, 1)])
    with pytest.raises(UserWarning, match="said inside the probe"):
        _strict(lambda: geo.crs_guess(utm_map, lon, lat), UserWarning)
