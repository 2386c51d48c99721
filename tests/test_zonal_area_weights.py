"""`aggregate` counted a pixel in a zone where the zone holds its centre (rasterio's rule, no area weighting): a zone
whose edge runs along a line of pixel centres took all of them or none, so the same box drawn in the map's CRS and
after `.to_crs(4326)` counted 420 and 414 pixels and its vector jumped. `coverage="area"` weights each pixel by the
share of its area the zone covers (exactextract's coverage fractions, `zone_areas`; the `zonal` extra): the box's
vector is the same however it is drawn, and equals the area-weighted mean direction computed by hand. Without
exactextract, `coverage="area"` is a `MissingDependencyError` naming the extra, before any work."""
import importlib.util
import warnings

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import Point, box

from alphaearth_nb import spatial
from alphaearth_nb.core import ConfigError, MissingDependencyError
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.gate import unit_rows
from alphaearth_nb.testing import embedding_from_array, random_unit

V = random_unit((40, 40), seed=1)
EMB = embedding_from_array(V)   # 10 m pixels, EPSG:32631
X0, Y0 = float(EMB.x[0]), float(EMB.y[0])   # centre of the north-west pixel (y descends)
ON_CENTRES = box(X0 + 50, Y0 - 250, X0 + 250, Y0 - 50)   # edges on pixel centres: 21 x 21 centres on or in


def _agg(zones, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return aggregate(EMB, gpd.GeoDataFrame(geometry=list(zones), crs="EPSG:32631") if isinstance(zones, list)
                         else zones, **kw)


def _by_hand(g):
    "The area-weighted mean direction of the pixels under polygon `g`: each pixel's share of area by shapely."
    w = np.zeros(V.shape[:2])
    for r in range(V.shape[0]):
        for c in range(V.shape[1]):
            cx, cy = X0 + 10 * c, Y0 - 10 * r
            w[r, c] = g.intersection(box(cx - 5, cy - 5, cx + 5, cy + 5)).area / 100
    return unit_rows((w[..., None] * V).sum((0, 1))), int((w > 0).sum())


def test_unknown_coverage_is_refused_naming_both():
    with pytest.raises(ConfigError, match="choose 'centre'.*or 'area'"):
        _agg([ON_CENTRES], coverage="areas")


def test_area_without_exactextract_names_the_extra(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(spatial.importlib.util, "find_spec", lambda m, *a: None if m == "exactextract" else real(m, *a))
    with pytest.raises(MissingDependencyError, match=r"alphaearth_nb\[zonal\]"):
        _agg([ON_CENTRES], coverage="area")


def test_area_weighting_counts_a_zone_the_same_however_it_is_drawn():
    pytest.importorskip("exactextract")
    zones = gpd.GeoDataFrame(geometry=[ON_CENTRES], crs="EPSG:32631")
    centre = [_agg(z).iloc[0] for z in (zones, zones.to_crs(4326))]
    area = [_agg(z, coverage="area").iloc[0] for z in (zones, zones.to_crs(4326))]
    assert centre[0].n_pixels != centre[1].n_pixels   # the centre rule: edges on centres fall either way
    want, n = _by_hand(ON_CENTRES)
    cols = [f"A{i:02d}" for i in range(64)]
    for row in area:
        assert row.n_pixels == n == 21 * 21
        np.testing.assert_allclose(row[cols].to_numpy(np.float64), want, atol=2e-6)


def test_area_weighting_moves_smoothly_where_the_centre_rule_jumps():
    pytest.importorskip("exactextract")
    cols = [f"A{i:02d}" for i in range(64)]
    a, b = ON_CENTRES, box(X0 + 50.01, Y0 - 249.99, X0 + 249.99, Y0 - 50.01)   # 1 cm in from each side
    ca, cb = (_agg([g]).iloc[0] for g in (a, b))
    aa, ab = (_agg([g], coverage="area").iloc[0] for g in (a, b))
    assert ca.n_pixels != cb.n_pixels
    jump = np.abs(ca[cols].to_numpy(float) - cb[cols].to_numpy(float)).max()
    step = np.abs(aa[cols].to_numpy(float) - ab[cols].to_numpy(float)).max()
    assert step < 1e-3 < 0.05 < jump, (step, jump)   # 1.5e-4 and 0.13 measured


def test_points_small_fields_and_cubes_under_area_weighting():
    "A buffered point and a field inside one pixel are that pixel; each year of a cube is weighted alike; " \
    "mean_std and percentiles are weighted too."
    pytest.importorskip("exactextract")
    cols = [f"A{i:02d}" for i in range(64)]
    small = box(X0 + 6, Y0 - 8, X0 + 8, Y0 - 6)   # inside pixel (1, 1)
    pt = gpd.GeoDataFrame(geometry=[Point(X0 + 12, Y0 - 12)], crs="EPSG:32631")   # a GPS point, 3 m around it
    for row in (_agg([small], coverage="area").iloc[0], _agg(pt, buffer=3, coverage="area").iloc[0]):
        np.testing.assert_allclose(row[cols].to_numpy(float), V[1, 1], atol=1e-6)
        assert row.n_pixels == 1
    cube = EMB.expand_dims(time=np.array(["2023-01-01", "2024-01-01"], "datetime64[ns]")).copy()
    cube[1] = -cube[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = aggregate(cube, gpd.GeoDataFrame(geometry=[ON_CENTRES], crs="EPSG:32631"), coverage="area")
    np.testing.assert_allclose(rows.iloc[1][cols].to_numpy(float), -rows.iloc[0][cols].to_numpy(float), atol=1e-6)
    half = box(X0 - 5, Y0 - 5, X0 + 10, Y0 + 5)   # pixel (0, 0) whole, pixel (0, 1) half
    ms = _agg([half], how="mean_std", coverage="area").iloc[0]
    m = (V[0, 0] + .5 * V[0, 1]) / 1.5
    np.testing.assert_allclose(ms[[f"A{i:02d}_mean" for i in range(64)]].to_numpy(float), m, atol=1e-6)
    sd = np.sqrt(((V[0, 0] - m) ** 2 + .5 * (V[0, 1] - m) ** 2) / 1.5)
    np.testing.assert_allclose(ms[[f"A{i:02d}_std" for i in range(64)]].to_numpy(float), sd, atol=1e-6)
    p = _agg([half], how="percentiles", q=(50,), coverage="area").iloc[0]   # the whole pixel's weight 2/3 > half
    np.testing.assert_allclose(p[[f"A{i:02d}_p50" for i in range(64)]].to_numpy(float), V[0, 0], atol=1e-6)
