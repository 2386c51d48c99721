"""Newcomer s56 #16b: `load_official((5.98, 45.0, 5.99, 45.01), 2024)`, bbox and year swapped, said "years 5.98 is not
a year", true but not the fix. The doors that take an area (or points, or a grid) and years now name the swap and the
call in its order: `earthengine.load_official` (year first, then xee's grid: a `utm_grid` line over the bbox, or
`official.open` for a bbox), `official.open`, `official.sample_points`, `mirrors.tiles`, `mirrors.fetch_tiles`.
Nothing is read before the refusal (no network)."""
import re

import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import ConfigError

BOX = (5.98, 45.0, 5.99, 45.01)


@pytest.mark.parametrize("door,call", [
    ("official.open", lambda: aef.official.open(2024, BOX)),
    ("official.open", lambda: aef.official.open(years=BOX, area=2024)),
    ("mirrors.tiles", lambda: aef.mirrors.tiles(2024, BOX)),
    ("official.sample_points", lambda: aef.official.sample_points(2024, ([5.98, 5.985], [45.0, 45.005]))),
])
def test_area_and_years_swapped_named(door, call, tmp_path):
    with pytest.raises(ConfigError) as e:
        call()
    text = str(e.value)
    assert "swapped" in text and "is not a year" not in text, text
    assert re.search(rf"{re.escape(door.split('.')[1])}\((\(5\.98, 45\.0, 5\.99, 45\.01\)|\(\[5\.98, 5\.985\], \[45\.0, 45\.005\]\)), 2024\)", text), text


def test_fetch_tiles_swapped_named(tmp_path):
    with pytest.raises(ConfigError, match=r"swapped.*fetch_tiles\(\(5\.98, 45\.0, 5\.99, 45\.01\), 2024, "):
        aef.mirrors.fetch_tiles(2024, BOX, tmp_path / "m")
    assert not (tmp_path / "m").exists()


def test_load_official_swapped_names_the_grid():
    with pytest.raises(ConfigError) as e:
        aef.earthengine.load_official(BOX, 2024)
    text = str(e.value)
    assert "swapped" in text and "is not a year" not in text, text
    line = re.search(r"`aef\.earthengine\.(load_official\(2024, aef\.earthengine\.utm_grid\([^`]*\)\))`", text).group(1)
    grid = eval(line[len("load_official(2024, "):-1], {"aef": aef})
    (a, _, x0, _, e_, y0), (w, h) = grid["crs_transform"], grid["shape_2d"]
    assert grid["crs"] == "EPSG:32631" and a == 10 and e_ == -10
    lon, lat = aef.geo.to_crs([x0, x0 + 10 * w], [y0, y0 - 10 * h], "EPSG:32631", "EPSG:4326")
    assert lon[0] <= 5.98 + 1e-4 and lon[1] >= 5.99 - 1e-4 and lat[1] <= 45.0 + 1e-4 and lat[0] >= 45.01 - 1e-4
    assert "official.open((5.98, 45.0, 5.99, 45.01), 2024)" in text, text


def test_right_order_and_other_slips_unchanged():
    with pytest.raises(ConfigError, match="is not a year"):   # no area in the years' place: the year's own words
        aef.official.open(BOX, 5.5)
    with pytest.raises(ConfigError, match="is not a year"):
        aef.earthengine.load_official(5.5, {"crs": "EPSG:32631"})
