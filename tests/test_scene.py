"Tests of the synthetic scene generator and the committed sample scene (alphaearth_nb.scene)."
import filecmp
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.stacks import to_frames, validate_stack
from alphaearth_nb.scene import (BARE, BROADLEAF, BUILT, CLASSES, CONIFER, GRASS, MANIFEST_FILE, SUMMER, WATER, WINTER,
                                 SceneConfig, checksums, load_scene, make_scene, write_scene)
from alphaearth_nb.sources import get_source

SMALL = dict(size=48, n_texts=60)


@pytest.fixture(scope="module")
def small():
    return make_scene(seed=3, **SMALL)


def _ndvi(stack):
    "NDVI of the clear pixels (NaN where the `cloud` layer flags cloud or shadow), and the times."
    s2 = stack["sentinel2"].to_dataset()
    return ((s2["B8"] - s2["B4"]) / (s2["B8"] + s2["B4"])).where(s2["cloud"] == 0).values, s2["time"]


def _monthly(ndvi, time, mask, year):
    "Mean NDVI over the pixels in mask, per month of one year (NaN-aware)."
    sel = (time.dt.year == year).values
    v = ndvi[sel][:, mask]
    months = time.dt.month.values[sel]
    out = {}
    for m in range(1, 13):
        w = v[months == m]
        if np.isfinite(w).any(): out[m] = float(np.nanmean(w))
    return out


def test_same_seed_same_files(tmp_path):
    a, b = (write_scene(tmp_path / n, seed=7, size=36, n_texts=20) for n in ("a", "b"))
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(a, b, [str(f) for f in files], shallow=False)
    assert not mismatch and not errors
    ca, cc = json.loads((a / MANIFEST_FILE).read_text())["checksums"], checksums(make_scene(seed=8, size=36, n_texts=20)[0])
    assert ca["sentinel2/B4"] != cc["sentinel2/B4"]  # another seed, another scene


def test_schema(small):
    stack, texts, labels = small
    validate_stack(stack)
    assert set(stack.children) == {"sentinel2", "sentinel1", "landsat", "dem", "era5", "gedi", "landcover"}
    for name, node in stack.children.items():
        ds = node.to_dataset()
        assert set(ds.data_vars) <= {*get_source(name).bands, "cloud"}, name
        assert ds.attrs["crs"] == "EPSG:32631" and ds["time"].dtype == np.dtype("datetime64[ns]")
        assert (np.diff(ds["y"].values) < 0).all() and (np.diff(ds["x"].values) > 0).all()
        assert all(ds[b].dtype == np.float32 for b in ds.data_vars)
    assert stack["dem"].to_dataset().sizes["time"] == 1
    asc = stack["sentinel1"].to_dataset()["ascending"].values
    assert asc.dtype == bool and asc[::2].all() and not asc[1::2].any()
    frames = to_frames(stack, ["sentinel2", "sentinel1"])
    assert frames["sentinel2"].x.shape[1:] == (48, 48, 6)
    assert labels.dims == ("year", "y", "x") and labels.dtype.kind == "i" and list(labels["year"].values) == [2023, 2024]


def test_clouds_are_values_flagged_by_the_cloud_layer(small):  # AEF.md section 1: no input masking
    stack = small[0]
    for name, blue in (("sentinel2", "B2"), ("landsat", "B2")):
        ds = stack[name].to_dataset()
        v, cloud = ds[blue].values, ds["cloud"].values
        assert not np.isnan(v).any() and np.isin(cloud, [0.0, 1.0]).all(), name  # cloudy pixels keep a value
        assert 0.3 < cloud.mean() < 0.9, name
        assert (cloud == 1).all((1, 2)).any() and (cloud.mean((1, 2)) < 0.05).any(), name  # overcast and clear frames
        assert np.median(v[cloud == 1]) > 3 * np.median(v[cloud == 0]), name            # bright under cloud
        assert v.min() > 0 and v.max() < 20000, name
    s2 = stack["sentinel2"].to_dataset()
    nir, cloud = s2["B8"].values, s2["cloud"].values == 1
    white = nir[cloud.all((1, 2))]                                  # an overcast frame: flat, white-ish
    assert np.abs(s2["B2"].values[cloud.all((1, 2))] / white - 1).max() < 0.05
    vv = stack["sentinel1"].to_dataset()["VV"].values
    assert np.nanmin(vv) >= -30 and np.nanmax(vv) <= 10 and np.isnan(vv).mean() < 0.01
    ls = stack["landsat"].to_dataset()["B5"].values[0]
    assert np.array_equal(ls[:3, :3], np.full((3, 3), ls[0, 0]), equal_nan=True)  # 30 m blocks
    gedi = stack["gedi"].to_dataset()["rh98"].values
    assert 0.001 < np.isfinite(gedi).mean() < 0.05


def test_classes_have_their_own_phenology(small):
    stack, _, labels = small
    ndvi, time = _ndvi(stack)
    lab = labels.sel(year=2023).values
    curve = {c: _monthly(ndvi, time, (lab == c) & ~labels["cleared"].values, 2023) for c in range(len(CLASSES))}
    peak = {c: max(v, key=v.get) for c, v in curve.items() if v}
    assert peak[SUMMER] in (7, 8, 9) and peak[WINTER] in (4, 5, 6)
    assert max(curve[WATER].values()) < 0.1
    assert min(curve[CONIFER].values()) > 0.5
    winter = lambda c: np.mean([curve[c][m] for m in (1, 2, 12) if m in curve[c]])
    assert curve[BROADLEAF][peak[BROADLEAF]] - winter(BROADLEAF) > 0.2  # deciduous
    assert max(curve[BARE].values()) < 0.35 and max(curve[BUILT].values()) < 0.4
    vh = np.nanmean(stack["sentinel1"].to_dataset()["VH"].values, 0)
    assert vh[lab == BROADLEAF].mean() > vh[lab == GRASS].mean() > vh[lab == WATER].mean()


def test_clearing_between_years(small):
    stack, _, labels = small
    cleared = labels["cleared"].values
    assert cleared.sum() > 5
    forest = np.isin(labels.values, [BROADLEAF, CONIFER])
    np.testing.assert_array_equal(forest[0] & ~forest[1], cleared)  # forest lost only where cleared
    assert (labels.values[1][cleared] == BARE).all()
    ndvi, time = _ndvi(stack)
    summer = lambda y: np.nanmean(np.where(((time.dt.year == y) & time.dt.month.isin([6, 7, 8])).values[:, None, None], ndvi, np.nan), 0)
    drop = summer(2023) - summer(2024)
    other_forest = forest[0] & forest[1]
    assert np.nanmean(drop[cleared]) > 0.3 and abs(np.nanmean(drop[other_forest])) < 0.05


def test_texts(small):
    stack, texts, labels = small
    assert list(texts.columns[:4]) == ["y", "x", "time", "text"] and len(texts) == 60
    ds = stack["sentinel2"].to_dataset()
    y, x = ds["y"].values, ds["x"].values
    assert texts["y"].between(y.min(), y.max()).all() and texts["x"].between(x.min(), x.max()).all()
    assert ((texts["time"] >= pd.Timestamp("2023-01-01")) & (texts["time"] < pd.Timestamp("2025-01-01"))).all()
    assert texts["text"].nunique() > 30
    for _, r in texts.head(20).iterrows():  # the note's class is the label at its point and year
        lab = int(labels.sel(year=r["time"].year).sel(y=r["y"], x=r["x"]))
        assert CLASSES[lab] == r["class"]


def test_config_errors():
    with pytest.raises(ConfigError, match="size >= 24"): SceneConfig(size=8)
    with pytest.raises(ConfigError, match="at least 1 day"): SceneConfig(s2_every=0)


def test_committed_scene(samples_dir):
    if not (samples_dir / MANIFEST_FILE).exists(): pytest.skip(f"no committed scene in {samples_dir}")
    manifest = json.loads((samples_dir / MANIFEST_FILE).read_text())
    assert sum(f.stat().st_size for f in Path(samples_dir).rglob("*") if f.is_file()) < 10e6
    stack, texts, labels = load_scene(samples_dir)
    validate_stack(stack)
    assert checksums(stack) == manifest["checksums"]  # the files are what the generator wrote
    assert len(texts) == manifest["config"]["n_texts"] and labels.shape == (2, 150, 150)
    regen = make_scene(cfg=SceneConfig(**manifest["config"]), seed=manifest["config"]["seed"])[0]
    again = checksums(regen)
    bad = [k for k in again if again[k] != manifest["checksums"][k]]
    for k in bad:  # another machine may round a handful of values the other way: allow one storage step
        name, band = k.split("/")
        a, b = regen[name].to_dataset()[band].values, stack[name].to_dataset()[band].values
        assert np.array_equal(np.isnan(a), np.isnan(b)), k
        from alphaearth_nb.scene import ENCODING
        assert np.nanmax(np.abs(a - b)) <= ENCODING[(name, band)][0] * 1.01, k


def test_load_scene_never_regenerates(tmp_path, monkeypatch):
    import alphaearth_nb.scene as scene
    from alphaearth_nb.core import MissingDataError
    monkeypatch.setattr(scene, "make_scene", lambda *a, **k: pytest.fail("load_scene regenerated the scene"))
    monkeypatch.setattr(scene, "DEFAULT_DIR", tmp_path / "gone")
    with pytest.raises(MissingDataError, match="write_scene"): scene.load_scene()


def test_write_scene_keeps_what_exists(tmp_path):
    from alphaearth_nb.core import NotOursError, OutputExistsError
    from alphaearth_nb.scene import write_scene
    (tmp_path / "notes").mkdir(); (tmp_path / "notes" / "mine.txt").write_text("keep")
    with pytest.raises(NotOursError): write_scene(tmp_path / "notes", size=24, n_texts=4, overwrite=True)
    assert (tmp_path / "notes" / "mine.txt").read_text() == "keep"
    write_scene(tmp_path / "s", size=24, n_texts=4)
    with pytest.raises(OutputExistsError, match="overwrite=True"): write_scene(tmp_path / "s", size=24, n_texts=4)
    write_scene(tmp_path / "s", seed=3, size=24, n_texts=4, overwrite=True)
    assert json.loads((tmp_path / "s" / MANIFEST_FILE).read_text())["config"]["seed"] == 3


def test_scene_labels_carry_cf_flags(samples_dir):  # N19-7: one rule, the package's label rasters carry CF flags
    from alphaearth_nb.labels import class_flags
    if not (samples_dir / MANIFEST_FILE).exists(): pytest.skip(f"no committed scene in {samples_dir}")
    labels = load_scene(samples_dir)[2]
    assert class_flags(labels) == dict(enumerate(json.loads((samples_dir / MANIFEST_FILE).read_text())["classes"]))
    assert labels.attrs["flag_values"].dtype == labels.dtype
