"""Names a user types wrong are answered with the name meant (`core.near_names`, the package's one did-you-mean),
wherever a user names something. Was: argparse's choices (`aef train --preset tiyn`, `aef classify --off-map dorp`)
listed the choices bare; `aef embed --data sampels` offered a file of the working folder (or nothing) instead of
`samples`; `--crs EPGS:32633` got pyproj's 'crs not found'; `aef evaluate --label-column dw_lable` (a table with other
columns too) was told to pass "the name of the column that holds the labels"; `official.open(source="mirorr")`
beside a folder `mirror` was told the source is unknown, with no folder named."""
import pytest

from alphaearth_nb import cli, crs, mirror_list
from alphaearth_nb.core import CRSError, MirrorError
from alphaearth_nb.labels import label_column_guess


def _error(capsys, args, usage=True):
    assert cli.main(args) == 2   # argparse's exit code and usage line are kept
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("usage: aef") == usage, err   # the package's own errors come without it
    return err[-1]


@pytest.mark.parametrize("args, flag, typed, meant", [
    (["train", "--preset", "tiyn"], "--preset", "tiyn", "tiny"),
    (["train", "--preset", "smal"], "--preset", "smal", "small"),
    (["classify", "--embeddings", ".", "--labels", "samples", "--out", "m.tif", "--off-map", "dorp"], "--off-map", "dorp",
     "drop"),
    (["classify", "--embeddings", ".", "--labels", "samples", "--out", "m.tif", "--off-map=refuze"], "--off-map", "refuze",
     "refuse"),
])
def test_choices_name_the_near_one(capsys, args, flag, typed, meant):
    err = _error(capsys, args)
    assert f"argument {flag}: invalid choice: {typed!r} (did you mean {meant!r}?) (choose from" in err, err


def test_choices_nothing_near(capsys):
    err = _error(capsys, ["train", "--preset", "medium"])
    assert "invalid choice: 'medium' (choose from 'tiny', 'small', 'lite')" in err and "did you mean" not in err, err


@pytest.mark.parametrize("flag, args", [("--data", ["embed", "--checkpoint", ".", "--period", "2024", "--out", "e.zarr"]),
                                        ("--labels", ["evaluate", "--embeddings", "."])])
@pytest.mark.parametrize("typed", ["sampels", "Sample"])
def test_samples_misspelt(capsys, tmp_path, monkeypatch, flag, args, typed):
    (tmp_path / "msgs_names").mkdir()   # an entry of the working folder that a typed word could be matched to
    monkeypatch.chdir(tmp_path)
    err = _error(capsys, [*args, flag, typed])
    assert f"argument {flag}: {typed} does not exist (did you mean samples?)" in err, err


def test_a_file_near_is_still_named(capsys, tmp_path, monkeypatch):
    (tmp_path / "stack.zarr").mkdir()
    monkeypatch.chdir(tmp_path)
    err = _error(capsys, ["embed", "--checkpoint", ".", "--period", "2024", "--out", "e.zarr", "--data", "stakc.zarr"])
    assert "stakc.zarr does not exist (did you mean stack.zarr?)" in err, err


@pytest.mark.parametrize("typed, meant", [("EPGS:32633", "EPSG:32633"), ("espg:4326", "EPSG:4326"),
                                          ("EPSG 3857", "EPSG:3857"), ("ESIR:54009", "ESRI:54009")])
def test_crs_authority_misspelt(typed, meant):
    with pytest.raises(CRSError, match=f"cannot read the CRS '{typed}' \\(did you mean '{meant}'\\?\\)"):
        crs.as_crs(typed)


@pytest.mark.parametrize("typed", ["EPSG:999999", "foo", "EPGS:notacode"])
def test_crs_nothing_near(typed):
    with pytest.raises(CRSError) as e: crs.as_crs(typed)
    assert "did you mean" not in str(e.value)


def test_cli_crs_misspelt(tmp_path, evaluate_cli, labelled_store):
    store, pts = labelled_store
    web = pts.to_crs(3857)
    web.assign(x=web.geometry.x, y=web.geometry.y)[["x", "y", "label"]].to_csv(tmp_path / "web.csv", index=False)
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "web.csv"), "--crs", "EPGS:3857")
    assert rc == 2 and "(did you mean 'EPSG:3857'?)" in err, err


def test_label_column_misspelt(tmp_path, capsys):
    import numpy as np
    import pandas as pd
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.normal(size=(12, 64)).astype("float32"), columns=[f"A{i:02d}" for i in range(64)])
    df = df.assign(dw_label=np.arange(12) % 3, site=[f"s{i}" for i in range(12)], notes="n")
    df.to_csv(tmp_path / "e.csv", index=False)
    err = _error(capsys, ["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--label-column", "dw_lable"], usage=False)
    assert "no column 'dw_lable'" in err and "pass --label-column dw_label (the nearest spelling" in err, err
    assert label_column_guess("Crop_tpye", ["lon", "lat", "crop_type", "field_id", "area"])[0] == "crop_type"
    assert label_column_guess("zzz", ["lon", "lat", "crop_type", "field_id"]) is None   # nothing near: no guess


def test_mirror_folder_misspelt(tmp_path, monkeypatch):
    (tmp_path / "mirror").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MirrorError, match=r"source='mirorr' is unknown \(did you mean source='mirror'\?\)"):
        mirror_list.mirror_of("mirorr")
    with pytest.raises(MirrorError, match=r"source='.*/mirorr' is unknown \(did you mean source='.*/mirror'\?\)"):
        mirror_list.mirror_of(str(tmp_path / "mirorr"))
    with pytest.raises(MirrorError, match=r"source='sorce_coop' is unknown \(did you mean source='source_coop'\?\)"):
        mirror_list.mirror_of("sorce_coop")


def test_variable_layer_and_strata_column_misspelt(tmp_path, capsys):
    """The same kind: --embeddings-var, --labels-layer and `sample_sites(id_col=)` named a name that is not there
    with the list alone."""
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import box
    from alphaearth_nb.core import LabelError
    from alphaearth_nb.exports import to_zarr
    from alphaearth_nb.sites import sample_sites
    from alphaearth_nb.testing import embedding_from_array, random_unit
    e = embedding_from_array(random_unit((4, 4), seed=1))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    pts = gpd.GeoDataFrame({"label": [1, 2]}, geometry=gpd.points_from_xy(e.x.values[:2], e.y.values[:2]), crs="EPSG:32631")
    pts.to_file(tmp_path / "l.gpkg", layer="fields")
    base = ["classify", "--embeddings", store, "--out", str(tmp_path / "m.tif")]
    err = _error(capsys, [*base, "--embeddings-var", "embeding", "--labels", str(tmp_path / "l.gpkg")], usage=False)
    assert "has no variable 'embeding' (did you mean 'embedding'?)" in err, err
    err = _error(capsys, [*base, "--labels", str(tmp_path / "l.gpkg"), "--labels-layer", "feilds"], usage=False)
    assert "holds no layer 'feilds' (did you mean 'fields'?)" in err, err
    strata = gpd.GeoDataFrame({"ECO_ID": [1]}, geometry=[box(5, 45, 5.1, 45.1)], crs="EPSG:4326")
    with pytest.raises(LabelError, match=r"strata have no column 'ECO_DI' \(did you mean 'ECO_ID'\?\)"):
        sample_sites(strata, (2020, 2021), id_col="ECO_DI")
