import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import ConfigError, DTypeError, NoValidDataError, UnknownBandError, UnknownSourceError
from alphaearth_nb.sources import (Source, band_index, compute_stats, denormalise, get_source, n_meta, normalise,
                                   register, registered, valid_mask)

ALL = ("sentinel2", "sentinel2_l1c", "sentinel1", "landsat", "landsat_toa", "dem", "era5", "gedi", "landcover", "ndvi")


def test_registry_has_contract_entries():
    assert set(ALL) <= set(registered())
    assert get_source("sentinel2").bands == ("B2", "B3", "B4", "B8", "B11", "B12")
    assert get_source("sentinel2_l1c").bands == ("B2", "B3", "B4", "B8", "B11")
    assert get_source("sentinel1").bands == ("VV", "VH", "HH", "HV", "angle") and get_source("sentinel1").meta == ("ascending",)
    assert get_source("landsat").bands == ("B2", "B3", "B4", "B5", "B6", "B7")
    assert get_source("landsat_toa").bands == ("B2", "B3", "B4", "B5", "B6", "B8", "B10")
    assert {get_source(n).family for n in ("sentinel2", "sentinel2_l1c", "ndvi")} == {"sentinel2"}
    assert get_source("landsat_toa").family == get_source("landsat").family == "landsat"
    assert set(registered("target")) >= {"dem", "era5", "gedi", "landcover"}
    lc = get_source("landcover")
    assert lc.kind == "categorical" and lc.n_out == 8 and lc.classes[0] == "water"
    assert n_meta("sentinel1") == 1 and n_meta("sentinel2") == 0


@pytest.mark.parametrize("name", [n for n in ALL if n != "landcover"])
def test_round_trip_every_source(name):
    src = get_source(name)
    rng = np.random.default_rng(1)
    # values from -0.5 to +2 sigma (inside every valid range), back in physical units
    z = rng.uniform(-0.5, 2, (50, src.n_bands)).astype(np.float32)
    x = denormalise(src, z)
    assert valid_mask(src, x).all(), name
    np.testing.assert_allclose(normalise(src, x), z, atol=2e-4)
    np.testing.assert_allclose(denormalise(src, normalise(src, x)), x, rtol=2e-4, atol=1e-5)


def test_default_stats_physical():
    s2 = get_source("sentinel2")
    assert all(np.log1p(800) < m < np.log1p(3000) for m in s2.mean)
    z = normalise(s2, np.full((1, 6), 1500.0))
    assert np.abs(z).max() < 2


def test_clip_and_invalid():
    z = normalise("sentinel1", np.array([[-50.0, 20.0, np.nan, -30.0, 0.7]]))
    assert np.isnan(z[0, :3]).all() and np.isfinite(z[0, 3:]).all()
    big = normalise("gedi", np.array([[119.0]]))
    assert big[0, 0] == 6.0  # (119 - 12) / 10 > 6: clipped
    assert np.isnan(normalise("sentinel2", np.zeros((1, 6)))).all()  # nodata 0


def test_errors():
    with pytest.raises(UnknownSourceError, match="did you mean 'sentinel1'"):
        get_source("sentinel_1")
    with pytest.raises(UnknownBandError, match="its bands are"):
        band_index("sentinel2", "B9")
    with pytest.raises(DTypeError, match="astype"):
        normalise("sentinel2", np.array([["a"] * 6]))
    with pytest.raises(UnknownBandError, match="bands="):
        normalise("sentinel2", np.ones((2, 4)))
    with pytest.raises(NoValidDataError, match="no valid value"):
        compute_stats("gedi", np.full((5, 1), np.nan))
    with pytest.raises(ConfigError, match="categorical"):
        Source("x", ("a", "b"), kind="categorical", classes=("p", "q"), role="target")


def test_register_user_source():
    src = Source("my_lidar_test", ("h",), role="target", mean=(5.0,), std=(2.0,), valid_range=(0, 100))
    register(src)
    assert get_source("my_lidar_test") is src and "my_lidar_test" in registered()
    with pytest.raises(ConfigError, match="overwrite=True"):
        register(Source("my_lidar_test", ("h", "g")))
    register(Source("my_lidar_test", ("h", "g")), overwrite=True)
    assert get_source("my_lidar_test").bands == ("h", "g")


def test_compute_stats_from_dataset_and_tree():
    rng = np.random.default_rng(0)
    vv = rng.normal(-12, 3, (3, 4, 4)).astype(np.float32)
    ds = xr.Dataset({"VV": (("time", "y", "x"), vv), "VH": (("time", "y", "x"), vv - 7)})
    s = compute_stats("sentinel1", ds)
    np.testing.assert_allclose(s.mean[:2], [vv.mean(), vv.mean() - 7], rtol=1e-4)
    assert s.mean[2:] == get_source("sentinel1").mean[2:]  # absent bands keep their defaults
    tree = xr.DataTree.from_dict({"sentinel1": ds})
    np.testing.assert_allclose(compute_stats("sentinel1", tree).std[:2], s.std[:2], rtol=1e-6)
    z = normalise(s, np.stack([vv.ravel(), vv.ravel() - 7], -1), bands=("VV", "VH"))
    np.testing.assert_allclose(z.mean(0), 0, atol=1e-4)


@pytest.mark.parametrize("name", ["landsat_toa", "landcover"])  # mixed transforms; categorical
def test_numpy_and_jax_agree(name):
    import jax.numpy as jnp
    src = get_source(name)
    rng = np.random.default_rng(2)
    x = np.asarray(denormalise(src, rng.uniform(-0.5, 2, (20, src.n_bands)).astype(np.float32)))
    if src.kind == "categorical": x = rng.integers(0, 9, (20, 1)).astype(np.float32)
    x[3] = np.nan; x[5] = 1e6  # invalid rows: NaN and out of range
    a, b = normalise(src, x), np.asarray(normalise(src, jnp.asarray(x)))
    np.testing.assert_array_equal(np.isnan(a), np.isnan(b))
    np.testing.assert_allclose(a, b, atol=1e-5)
    assert np.isnan(a[3]).all() and np.isnan(a[5]).all()
