"""`aggregate(coverage="area")` of a line zone (a road, a river: no area) gave NaN with `n_pixels` 0 where the line
ran through pixel centres, or the one pixel at its representative point where it did not, silently, while the centre
rule gave every pixel along it (zones of no area were left to `_below_a_pixel`, which fills only zones holding no
centre). Now a line takes every pixel it crosses, each weighted by the line's length inside it (`zone_areas.line_cells`;
exactextract 0.3 misses a line along a row of pixels), and its `fraction_on_map` is the share of its length on the map
(it was 1 for a road half off the map, so no word was said)."""
import warnings

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
pytest.importorskip("exactextract")
from shapely.geometry import LineString, MultiLineString, box

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.gate import unit_rows
from alphaearth_nb.testing import embedding_from_array, random_unit

V = random_unit((20, 30), seed=1)
EMB = embedding_from_array(V)   # 10 m pixels, EPSG:32631
X0, Y0 = float(EMB.x[0]), float(EMB.y[0])   # centre of the north-west pixel


def _agg(line, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return aggregate(EMB, gpd.GeoDataFrame({"z": ["road"]}, geometry=[line], crs="EPSG:32631"), **kw)


def _by_hand(line):
    "Each pixel weighted by the length of `line` inside it (shapely), and how many it crosses."
    w = np.zeros(V.shape[:2])
    for r in range(V.shape[0]):
        for c in range(V.shape[1]):
            cx, cy = X0 + 10 * c, Y0 - 10 * r
            w[r, c] = line.intersection(box(cx - 5, cy - 5, cx + 5, cy + 5)).length
    return unit_rows((w[..., None] * V).sum((0, 1))), int((w > 0).sum())


@pytest.mark.parametrize("line", [
    LineString([(X0, Y0 - 50), (X0 + 200, Y0 - 50)]),            # along row 5, centre to centre (was NaN, 0 pixels)
    LineString([(X0 + 3, Y0 - 53), (X0 + 203, Y0 - 53)]),        # between centres (was 1 pixel)
    LineString([(X0 + 3, Y0 - 53), (X0 + 203, Y0 - 97), (X0 + 150, Y0 - 140)]),   # a bend across rows
    MultiLineString([[(X0 + 3, Y0 - 53), (X0 + 90, Y0 - 53)], [(X0 + 122, Y0 - 31), (X0 + 122, Y0 - 150)]]),
])
def test_a_line_takes_every_pixel_it_crosses_by_length(line):
    want, n = _by_hand(line)
    got = _agg(line, coverage="area")
    assert got["n_pixels"].tolist() == [n] and n > 10
    np.testing.assert_allclose(got[[f"A{i:02d}" for i in range(64)]].to_numpy()[0], want, atol=1e-6)
    assert got["fraction_on_map"].tolist() == [1.0]


def test_line_percentiles_and_std_have_no_nan():
    line = LineString([(X0, Y0 - 50), (X0 + 200, Y0 - 50)])
    for how in ("mean_std", "percentiles"):
        got = _agg(line, coverage="area", how=how)
        assert np.isfinite(got.filter(regex=r"^A\d\d").to_numpy()).all()


def test_a_road_half_off_the_map_is_said_and_averaged_over_its_part_on_it():
    line = LineString([(X0 + 100, Y0 - 53), (X0 + 100 + 2 * 200, Y0 - 53)])   # map's east edge at X0 + 295
    with pytest.warns(NoDataWarning, match="reach past the map's edge"):
        got = aggregate(EMB, gpd.GeoDataFrame(geometry=[line], crs="EPSG:32631"), coverage="area")
    assert got["fraction_on_map"].iloc[0] == pytest.approx(195 / 400)
    want, n = _by_hand(line)
    assert got["n_pixels"].tolist() == [n] == [20]
    np.testing.assert_allclose(got.filter(regex=r"^A\d\d").to_numpy()[0], want, atol=1e-6)
