"""The refusal of a grid past `grids.MAX_PIXELS` gave the area as width x height and the grid as rows x columns
(`official.open(area, crs="EPSG:4326", resolution=0.5)` over a vast area: "(878300 x 1.56709e+06 metres) makes a grid
of 156,709 x 87,830"), and named EPSG:32631 to a user who asked for EPSG:4326 without saying why. One order now,
width x height, said; and `official`'s words name the grid asked for (crs=, resolution=), warped from the tiles read
at 10 m in their zone (session 52: they said 'whatever `crs`', not the user's)."""
import re

import pytest

from alphaearth_nb import official
from alphaearth_nb.core import ConfigError
from alphaearth_nb.grids import check_grid_size


def _sizes(said):
    m = re.search(r"\((\S+) x (\S+) metres, width x height\) makes a grid of ([\d,]+) x ([\d,]+) = ", said)
    assert m, said
    W, H, a, b = (float(v.replace(",", "")) for v in m.groups())
    return W, H, a, b


def test_one_order_width_by_height():
    with pytest.raises(ConfigError) as e:
        check_grid_size((10.0, 10.0), (2e6, 1e6), "EPSG:32631")
    W, H, a, b = _sizes(str(e.value))
    assert (W, H, a, b) == (2e6, 1e6, 200_000, 100_000)   # wide area, wide grid: the same order


def test_official_open_says_why_it_names_the_zone(shared_data, tmp_path):
    root = official.build_local_mirror(tmp_path / "mirror", years=(2024,), samples=shared_data / "aef_samples").root
    with pytest.raises(ConfigError) as e:
        official.open((-2, 38, 8, 52), years=2024, source=str(root), crs="EPSG:4326", resolution=0.5)
    said = str(e.value)
    assert said.startswith("crs='EPSG:4326', resolution=0.5 is warped from the tiles' 10 m pixels, read in EPSG:326"), said
    W, H, a, b = _sizes(said)
    assert abs(a * 10 - W) <= 10 and abs(b * 10 - H) <= 10 and H > W, said   # 10-degree-tall, narrower area
