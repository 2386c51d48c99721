"""Coarser pixels: `cubes.coarsen` (`.aef.coarsen`) keeps longitude a circle and a one-pixel block's size; xarray's
own `coarsen(...).mean()` across 180 is refused by name rather than read as a grid of 180-degree pixels."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import ConfigError, GridError
from alphaearth_nb.cubes import coarsen, transform_of
from alphaearth_nb.geo import pixel_indices, pixel_size, write_crs
from alphaearth_nb.testing import embedding_from_array, random_unit

WRAPPED = [179.875, 179.925, 179.975, -179.975, -179.925, -179.875]   # 0.05-degree pixels, a reader wrapped at 180


def _degrees(x, seed=3):
    return embedding_from_array(random_unit((2, len(x)), seed=seed)).assign_coords(
        x=np.asarray(x, np.float64), y=[0.025, -0.025]).assign_attrs(crs="EPSG:4326")


def _unit(v):
    return v / np.linalg.norm(v)


def test_coarsen_across_180_keeps_each_block_where_its_pixels_are():
    w = _degrees(WRAPPED)
    for c in (coarsen(w, 2), w.aef.coarsen(2), coarsen(w.chunk({"x": 3}), 2)):
        # hand-worked: block centres 179.9, 180.0 (written -180.0, the map's convention), -179.9; one row at 0.0
        np.testing.assert_allclose(c.x.values, [179.9, -180.0, -179.9], atol=1e-9)
        np.testing.assert_allclose(c.y.values, [0.0], atol=1e-12)
        for j in range(3):                                    # each block the mean direction of its 2 x 2 pixels
            np.testing.assert_allclose(c.values[0, j], _unit(w.values[:, 2 * j:2 * j + 2].reshape(-1, 64).sum(0)),
                                       atol=1e-6)
        assert pixel_size(c) == pytest.approx((0.1, 0.1))
        assert [int(v) for v in pixel_indices(c, [179.96, -179.97, -179.88], [0.0] * 3)[1]] == [1, 1, 2]
    u = _degrees(179.9 + 0.05 * (np.arange(4) + 0.5))       # the same place written past 180: kept so
    np.testing.assert_allclose(coarsen(u, 2).x.values, [179.95, 180.05], atol=1e-9)


def test_a_block_centred_on_180_is_written_minus_180_whatever_the_rounding():
    # 1e-4-degree pixels from 179.99905 wrapped at 180: the third 4-pixel block's centre is 180 by hand (179.999 +
    # 2.5 * 0.0004), summed to 179.99999999999997 in float64; wrapped, that read 180.0, outside [-180, 180)
    xs = (179.99905 + 1e-4 * np.arange(20) + 180) % 360 - 180
    w = embedding_from_array(random_unit((20, 20)), {"x": xs, "y": 10 - 1e-4 * np.arange(20)}, "EPSG:4326")
    x = coarsen(w, 4).x.values
    assert ((x >= -180.0) & (x < 180.0)).all(), x
    np.testing.assert_allclose(x, [179.9992, 179.9996, -180.0, -179.9996, -179.9992], atol=1e-9)
    assert [int(v) for v in pixel_indices(coarsen(w, 4), [179.99985, -179.99985], [10.0, 10.0])[1]] == [2, 2]


@pytest.mark.filterwarnings("ignore:.*a mean of embeddings")
def test_xarrays_coarsen_across_180_is_refused_by_name():
    w = _degrees(WRAPPED)
    bad = w.coarsen(x=2, y=2).mean()                          # x = 179.9, 0, -179.9: a block put at Greenwich
    np.testing.assert_allclose(bad.x.values, [179.9, 0.0, -179.9], atol=1e-9)
    odd = _degrees([179.925, 179.975, -179.975, -179.925, -179.875, -179.825]).coarsen(x=3).mean()
    np.testing.assert_allclose(odd.x.values, [59.975, -179.875], atol=1e-9)   # 2 of 3 pixels east of 180: x = 60
    for f in (lambda: pixel_size(bad), lambda: pixel_indices(bad, [179.9], [0.0]),
              lambda: bad.aef.similarity((179.9, 0.0)), lambda: pixel_size(odd)):
        with pytest.raises(GridError, match=r"jump .*coarsen.*aef.coarsen"):
            f()
    assert pixel_size(_degrees(WRAPPED[:2]).coarsen(x=2).mean()) is not None   # no block across 180: as before
    gap = _degrees([-179.875, -179.825, 179.825, 179.875])   # a map sorted by x: two pieces with a gap, no jump
    assert pixel_size(gap) == pytest.approx((0.05, 0.05))


def test_an_odd_factor_block_of_one_pixel_keeps_its_size():
    "3 x 3 of 10 m -> 1 x 1: 30 m, where xarray's mean keeps the file's 10 m (its centre is the middle pixel's)."
    pytest.importorskip("affine")
    g = embedding_from_array(random_unit((3, 3), seed=1)).assign_coords(
        spatial_ref=xr.Variable((), 0, {"GeoTransform": "500000.0 10.0 0.0 5000000.0 0.0 -10.0"}))
    one = coarsen(g, 3)
    assert one.shape == (1, 1, 64) and pixel_size(one) == (30.0, 30.0)
    assert tuple(transform_of(one))[:6] == pytest.approx((30.0, 0.0, 500_000.0, 0.0, -30.0, 5_000_000.0))
    gt = [float(v) for v in write_crs(one, "EPSG:32631").spatial_ref.attrs["GeoTransform"].split()]
    assert gt == pytest.approx([500_000.0, 30.0, 0.0, 5_000_000.0, 0.0, -30.0])
    assert pixel_size(g.coarsen(x=3, y=3).mean()) == (10.0, 10.0)   # xarray's: cannot be told from a slice


def test_coarsen_of_a_projected_map_matches_xarrays_grid_and_refuses_bad_factors():
    e = embedding_from_array(random_unit((6, 9), seed=5))
    c, x = coarsen(e, (2, 3)), e.coarsen(y=2, x=3).mean()
    np.testing.assert_allclose(c.x.values, x.x.values); np.testing.assert_allclose(c.y.values, x.y.values)
    np.testing.assert_allclose(c.values, x.values / np.linalg.norm(x.values, axis=-1, keepdims=True), atol=1e-6)
    p = coarsen(e, 4)                                         # partial blocks kept, centred on the full block
    np.testing.assert_allclose(p.x.values, 500_000 + 40.0 * (np.arange(3) + 0.5))
    assert coarsen(e, 4, boundary="trim").shape == (1, 2, 64)
    for bad in (0, 1.5, True, (2,), -2):
        with pytest.raises(ConfigError, match="factor"):
            coarsen(e, bad)


def test_index_tiles_across_180_are_placed_where_their_pixels_are():
    from alphaearth_nb.index import vectors_of
    rows = vectors_of(_degrees(WRAPPED), tile=2)
    np.testing.assert_allclose(np.unique(rows.x), [-180.0, -179.9, 179.9], atol=1e-9)   # was 0.0 for the middle tile


def test_coarsen_is_on_the_embedding_accessor_and_named_on_a_stack():
    from alphaearth_nb.core import DimensionError
    e = embedding_from_array(random_unit((4, 4), seed=2))
    np.testing.assert_array_equal(e.aef.coarsen(2).values, coarsen(e, 2).values)
    with pytest.raises(DimensionError, match="works on an embedding.*aef.embed"):
        xr.Dataset({"B2": (("time", "y", "x"), np.zeros((1, 2, 2)))}).aef.coarsen(2)


@pytest.mark.parametrize("bad", ["2", "x", (2, "3"), None, 2.5, (1, 0)])
def test_a_factor_of_text_or_nothing_is_a_config_error_not_a_raw_one(bad):  # '2': raw TypeError, 'x': ValueError
    e = embedding_from_array(random_unit((4, 4), seed=3))
    for go in (lambda: coarsen(e, bad), lambda: e.aef.coarsen(bad)):
        with pytest.raises(ConfigError, match="factor"): go()
    assert coarsen(e, np.int64(2)).shape == coarsen(e, 2.0).shape == coarsen(e, (2, 2)).shape == (2, 2, 64)
