"Tests of the real-data readers (alphaearth_nb.readers): schema, units, and every gap as NaN."
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import AEFError
from alphaearth_nb.readers import (EOLEARN_LULC, WORLDCEREAL_S2, MissingDataError, read_aef_samples, read_eolearn_patch,
                                   read_presto_points,
                                   read_worldcereal_patch, read_worldcereal_points, s1_db, shared_data_dir)
from alphaearth_nb.stacks import to_frames, validate_stack

WC = "worldcereal_patch/worldcereal_preprocessed_inputs.nc"


def test_missing_folder_names_the_fix(monkeypatch, tmp_path):
    monkeypatch.setenv("AEF_SHARED_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(MissingDataError, match="AEF_SHARED_DATA"): shared_data_dir()
    with pytest.raises(MissingDataError, match="AEF_SHARED_DATA"): read_worldcereal_patch()
    assert isinstance(MissingDataError("x"), FileNotFoundError)


def test_shared_data_dir_from_env(monkeypatch, shared_data):
    monkeypatch.setenv("AEF_SHARED_DATA", str(shared_data))
    assert shared_data_dir() == shared_data


def test_s1_decoding():
    np.testing.assert_allclose(s1_db([1000, 10000]), [-23.0, -3.0], atol=1e-4)
    assert np.isnan(s1_db([0, 65535])).all()


@pytest.fixture(scope="module")
def worldcereal(shared_data):
    return read_worldcereal_patch(shared_data / WC)


def test_worldcereal_patch_schema_and_gaps(worldcereal, shared_data):
    validate_stack(worldcereal)
    raw = xr.open_dataset(shared_data / WC)
    s2 = worldcereal["sentinel2"].to_dataset()
    assert list(s2.data_vars) == ["B2", "B3", "B4", "B8", "B11", "B12"] and s2["B2"].shape == (12, 100, 100)
    fill = raw["S2-L2A-B02"].values == 65535
    assert fill.any()
    np.testing.assert_array_equal(np.isnan(s2["B2"].values), fill | (raw["S2-L2A-B02"].values == 0))  # gaps and only gaps
    for b in s2.data_vars: assert np.nanmax(s2[b].values) < 20000
    ok = ~np.isnan(s2["B2"].values)
    np.testing.assert_array_equal(s2["B2"].values[ok], raw["S2-L2A-B02"].values[ok].astype(np.float32))
    vv = worldcereal["sentinel1"].to_dataset()["VV"].values
    assert np.nanmin(vv) >= -30 and np.nanmax(vv) <= 10 and -16 < np.nanmedian(vv) < -5
    era = worldcereal["era5"].to_dataset()
    assert 265 < float(era["temperature_2m"].min()) < float(era["temperature_2m"].max()) < 300
    assert 0.01 < float(era["total_precipitation"].max()) < 0.3  # m per month
    assert worldcereal["dem"].to_dataset().sizes["time"] == 1
    assert s2.attrs["crs"] == "EPSG:32631" and (np.diff(s2["y"].values) < 0).all()
    f = to_frames(worldcereal, ["sentinel2"])["sentinel2"]
    assert not np.asarray(f.valid)[np.broadcast_to(fill[..., None], f.valid.shape)].any()  # a 65535 is never valid data


@pytest.fixture(scope="module")
def eolearn(shared_data):
    return read_eolearn_patch(shared_data / "eolearn_patch")


def test_eolearn_patch(eolearn, shared_data):
    stack, lulc = eolearn
    validate_stack(stack)
    ndvi = stack["ndvi"].to_dataset()["NDVI"].values
    clm = np.load(shared_data / "eolearn_patch/mask/CLM.npy")[..., 0].astype(bool)
    assert ndvi.shape == (68, 101, 100)
    # no input masking (AEF.md 1): cloudy pixels keep their NDVI (IS_DATA is all 1: no NaN), CLM is the `cloud` layer
    is_data = np.load(shared_data / "eolearn_patch/mask/IS_DATA.npy")[..., 0] == 1
    np.testing.assert_array_equal(np.isnan(ndvi), ~is_data)
    assert clm.any() and np.isfinite(ndvi[clm]).all()
    np.testing.assert_array_equal(stack["ndvi"].to_dataset()["cloud"].values == 1, clm)
    assert lulc.dims == ("y", "x") and lulc.dtype.kind == "i" and int((lulc == 0).sum()) == 155
    assert sorted(np.unique(lulc.values)) == [0, 1, 2, 3, 4, 8]
    dem = stack["dem"].to_dataset()
    assert 600 < float(dem["elevation"].min()) < float(dem["elevation"].max()) < 850 and float(dem["slope"].max()) < 90
    assert stack["ndvi"].to_dataset().attrs["crs"] == "EPSG:32633"
    assert np.array_equal(lulc["y"].values, stack["ndvi"].to_dataset()["y"].values)


def test_aef_samples(shared_data):
    df = read_aef_samples(shared_data / "aef_samples")
    emb = df[[f"A{i:02d}" for i in range(64)]].values
    assert df.shape[0] == 2160 and emb.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(emb, axis=1), 1, atol=0.02)
    assert {"dw_label", "lat", "lon", "region"} <= set(df.columns) and ".geo" not in df
    assert len(read_aef_samples(shared_data / "aef_samples", regions=("amazon_forest",))) == 720
    with pytest.raises(Exception, match="choose from"): read_aef_samples(shared_data / "aef_samples", regions=("mars",))


def test_worldcereal_points(shared_data):
    import pandas as pd
    ds = read_worldcereal_points(shared_data / "worldcereal_points/corsica_2022_monthly.geoparquet")
    assert dict(ds.sizes) == {"point": 500, "time": 17}
    raw = pd.read_parquet(shared_data / "worldcereal_points/corsica_2022_monthly.geoparquet")
    for v in ds.data_vars: assert np.nanmax(ds[v].values) < 30000, v  # no 65535 (or its decoding) passes
    assert int(ds["B2"].isnull().sum()) >= int((raw["S2-L2A-B02"] == 65535).sum())
    assert int(ds["temperature_2m"].isnull().sum()) == int(raw["AGERA5-TMEAN"].isin([0, 65535]).sum())
    assert float(ds["temperature_2m"].min()) > 250 and ds["VV"].attrs["source"] == "sentinel1"
    assert ds["ewoc_code"].dims == ("point",) and ds["sample_id"].to_series().is_unique
    assert ds.isel(point=slice(0, 3)).sample_id.values.tolist() == ds.sample_id.values[:3].tolist()  # indexable


def test_presto_points(shared_data):
    ds = read_presto_points(shared_data / "presto_algae_blooms")
    raw = np.load(shared_data / "presto_algae_blooms/s1_s2_era5_srtm.npy")
    assert dict(ds.sizes) == {"point": 1122, "step": 12}
    np.testing.assert_array_equal(ds["VV"].isnull().values, (raw[..., 0] < -30) | (raw[..., 0] > 10))
    assert float(ds["VV"].min()) >= -30 and ds["is_test"].dtype == bool
    assert set(np.unique(ds["target"].values)) <= {1, 2, 3, 4, 5}


def test_root_argument_wins_over_env(monkeypatch, tmp_path):
    monkeypatch.setenv("AEF_SHARED_DATA", str(tmp_path / "nowhere"))
    assert shared_data_dir(tmp_path) == tmp_path
    with pytest.raises(MissingDataError, match="root="): read_eolearn_patch(root=tmp_path)  # folder exists, patch does not


def test_no_root_outside_a_checkout(monkeypatch):
    import alphaearth_nb.readers as readers
    monkeypatch.delenv("AEF_SHARED_DATA", raising=False)
    monkeypatch.setattr(readers, "_CHECKOUT", readers.Path("/nonexistent/site-packages"))
    with pytest.raises(MissingDataError, match="AEF_SHARED_DATA"): shared_data_dir()


def test_worldcereal_points_missing_column_is_named(tmp_path):
    "A parquet without a band column (here S1-SIGMA0-VH) raises an AEFError naming it, not pyarrow's ArrowInvalid."
    cols = ["sample_id", "timestamp", "lat", "lon", "ewoc_code", *WORLDCEREAL_S2, "S1-SIGMA0-VV",
            "AGERA5-TMEAN", "AGERA5-PRECIP", "elevation", "slope"]
    p = tmp_path / "points.geoparquet"
    pd.DataFrame({c: [1] for c in cols}).to_parquet(p)
    with pytest.raises(AEFError, match=r"lacks the columns \['S1-SIGMA0-VH'\].*export the points again"):
        read_worldcereal_points(p)


def test_eolearn_labels_name_the_classes_of_a_map(eolearn):  # N19-7: the legend reached neither classify nor its COG
    from alphaearth_nb.analysis import classify
    from alphaearth_nb.testing import embedding_from_array
    _, lulc = eolearn
    lulc = lulc.isel(y=slice(0, 10), x=slice(80, 100))  # 200 pixels holding every class of the patch and its nodata 0
    present = {int(i) for i in np.unique(lulc.values)} - {0}
    assert len(present) >= 4 and 0 in lulc.values  # the crop still names several classes and leaves some unlabelled
    v = np.random.default_rng(0).normal(size=(11, 64))[lulc.values] + 0.1  # one direction per class: kNN maps them
    emb = embedding_from_array(v / np.linalg.norm(v, axis=-1, keepdims=True),
                               coords={"y": lulc.y.values, "x": lulc.x.values}, crs=lulc.attrs["crs"])
    cls = classify(emb, lulc, k=1)["class"]
    names = dict(zip(cls.attrs["flag_values"].tolist(), cls.attrs["flag_meanings"].split()))
    assert names == {i: EOLEARN_LULC[i] for i in present}
    lab = lulc.values != 0
    np.testing.assert_array_equal(cls.values[lab], lulc.values[lab])  # each labelled pixel is its own nearest
