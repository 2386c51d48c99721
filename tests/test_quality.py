"Tests of the designed baselines and the side-by-side helpers (alphaearth_nb.quality)."
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import scene
from alphaearth_nb.quality import (BASELINES, DOY_GRID, baseline_features, compare_on_scene, error_ratio, raw_series_features,
                                   scene_points, seasonal_composite_features)


@pytest.fixture(scope="module")
def small():
    return scene.make_scene(4, size=36, n_texts=0)


def test_raw_series_fills_gaps_by_time(small):
    stack, _, _ = small
    raw = raw_series_features(stack, 2023)
    assert raw.shape == (36, 36, 8 * len(DOY_GRID)) and np.isfinite(raw.values).all()
    # on a grid day that falls on a clear Sentinel-2 frame the value is that frame's
    s2 = stack["sentinel2"].to_dataset().sel(time="2023")
    doy = pd.DatetimeIndex(s2.time.values).day_of_year.values
    k = np.flatnonzero(np.isin(doy, DOY_GRID))
    v = s2["B8"].values[k[0]]; g = list(DOY_GRID).index(doy[k[0]])
    ok = np.isfinite(v) & (s2["cloud"].values[k[0]] == 0)   # a pixel the cloud layer flags is interpolated past
    band = list(raw.band.values).index(f"sentinel2/B8@{doy[k[0]]}")
    np.testing.assert_allclose(raw.values[..., band][ok], v[ok], rtol=1e-5)
    assert g >= 0


def test_composites_and_ndvi(small):
    stack, _, _ = small
    comp = seasonal_composite_features(stack, 2023, dem=True)
    names = list(comp.band.values)
    assert "sentinel2/NDVI/p50" in names and "dem/elevation" in names and "sentinel1/VV/JJA" in names
    assert not [n for n in names if "/cloud" in n]                  # the cloud layer is a mask, no feature
    s2 = stack["sentinel2"].to_dataset().sel(time="2023")
    with np.errstate(all="ignore"):
        ndvi = ((s2.B8 - s2.B4) / (s2.B8 + s2.B4)).where(s2.cloud == 0).median("time", skipna=True).values  # clear views
    np.testing.assert_allclose(comp.values[..., names.index("sentinel2/NDVI/p50")], ndvi, rtol=1e-4, atol=1e-5)
    assert set(baseline_features(stack, 2023)) == set(BASELINES)


def test_points_separated_one_year_each(small):
    _, _, labels = small
    r, c, yi = scene_points(labels, 60.0, seed=1)
    P = np.stack([labels.x.values[c], labels.y.values[r]], 1)
    D = np.hypot(*(P[:, None] - P[None]).transpose(2, 0, 1)); np.fill_diagonal(D, np.inf)
    assert D.min() >= 60.0 and len(r) == len(set(zip(r, c)))


def test_error_ratio_by_hand():
    tab = pd.DataFrame(dict(features=["embedding", "embedding", "XY sin/cos", "composites"], shots=["max"] * 4,
                            method=["knn1", "linear", "knn1", "linear"], balanced_accuracy=[0.9, 0.95, 0.5, 0.9]))
    r, best = error_ratio(tab, "max")
    assert r == pytest.approx(0.05 / 0.1) and best == "composites"


@pytest.mark.slow
def test_noise_embedding_loses(small):
    stack, _, labels = small
    rng = np.random.default_rng(0)
    fake = {y: xr.DataArray(rng.standard_normal((36, 36, 8)).astype(np.float32), dims=("y", "x", "band")) for y in (2023, 2024)}
    res = compare_on_scene(stack, labels, fake, min_dist=20.0, folds=3)
    assert res["error_ratio_10shot"] > 1 and res["change_best_baseline"] > res["change_embedding"] - 0.2
