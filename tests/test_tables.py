"""Every table reader (features, labels, points, texts; CSV, Parquet, GeoPackage): a cell of text where a number or a
date belongs is an error of ours naming the column, the row and the value, never a pandas/numpy traceback (G-1, G-2)."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import samples
from alphaearth_nb.cli import labels_from_csv, main
from alphaearth_nb.core import AEFError, LabelError, TimeError, band_names
from alphaearth_nb.cubes import read_geometries
from alphaearth_nb.model import preset
from alphaearth_nb.readers import read_aef_samples
from alphaearth_nb.stacks import toy_stack
from alphaearth_nb.testing import embedding_from_array, random_unit

JUNK = ["abc", "--", "#VALUE!"]


def _features(n=6, label=True):
    x = random_unit((n,), seed=1).reshape(n, -1)
    df = pd.DataFrame(x, columns=band_names()).astype({"A07": object})
    if label: df["label"] = np.arange(n) % 2
    return df


@pytest.mark.parametrize("junk", JUNK)
def test_a_feature_cell_of_text_is_named_by_the_cli(tmp_path, capsys, junk):
    df = _features(); df.loc[4, "A07"] = junk; df.to_csv(tmp_path / "t.csv", index=False)
    code = main(["evaluate", "--embeddings", str(tmp_path / "t.csv")])
    err = capsys.readouterr().err
    assert code == 2 and "column 'A07'" in err and repr(junk) in err and "line 6" in err, err
    with pytest.raises(LabelError, match="column 'A07'"): labels_from_csv(pd.read_csv(tmp_path / "t.csv"), "label")


def test_empty_feature_cells_stay_no_data():
    df = _features(); df.loc[2, "A03"] = np.nan
    x, y = labels_from_csv(df, "label")
    assert x.dtype == np.float32 and np.isnan(x[2, 3]) and np.isfinite(np.delete(x, 2, 0)).all()


def test_read_aef_samples_names_the_file_and_cell(tmp_path):
    df = _features(label=False); df["dw_label"] = 1; df.loc[1, "A07"] = "#N/A!"
    df.to_csv(tmp_path / "s.csv", index=False)
    with pytest.raises(AEFError, match=r"s\.csv: column 'A07' holds text \('#N/A!', row 1, line 3"):
        read_aef_samples(tmp_path / "s.csv")


def _emb():
    return embedding_from_array(random_unit((3, 3), seed=0), crs="EPSG:32631")


@pytest.mark.parametrize("junk", JUNK)
def test_point_labels_with_text_coordinates(junk):
    e = _emb()
    t = pd.DataFrame({"x": [str(float(e.x[0])), junk], "y": [float(e.y[0]), float(e.y[1])], "label": [1, 2]})
    with pytest.raises(LabelError, match=f"column 'x' holds text \\({junk!r}"): e.aef.classify(t, k=1)
    ll = pd.DataFrame({"lon": [3.0, junk], "lat": [45.0, 45.0], "label": [1, 2]})
    with pytest.raises(LabelError, match="column 'lon'"): e.aef.classify(ll, k=1)
    with pytest.raises(LabelError, match="column 'lon'"): e.aef.sample(ll)


def test_place_files_csv_parquet_and_a_damaged_geopackage(tmp_path):
    pd.DataFrame({"lon": ["3.0", "abc"], "lat": ["45.0", "45.0"]}).to_csv(tmp_path / "p.csv", index=False)
    with pytest.raises(LabelError, match="column 'lon' holds text \\('abc'"): read_geometries(tmp_path / "p.csv")
    pd.DataFrame({"lon": ["3.0", "--"], "lat": ["45.0", "45.0"]}).to_parquet(tmp_path / "p.parquet")
    with pytest.raises(LabelError, match="column 'lon' holds text \\('--'"): read_geometries(tmp_path / "p.parquet")
    good = read_geometries(_good_csv(tmp_path))
    assert good.crs.to_epsg() == 4326 and np.allclose(good.geometry.x, [3.0, 4.0])
    (tmp_path / "bad.gpkg").write_text("not a geopackage")
    with pytest.raises(LabelError, match="cannot read .*bad.gpkg as a vector file"):
        _emb().aef.aggregate(str(tmp_path / "bad.gpkg"))


def _good_csv(tmp_path):
    pd.DataFrame({"lon": [3.0, 4.0], "lat": [45.0, 45.5]}).to_csv(tmp_path / "g.csv", index=False)
    return tmp_path / "g.csv"


def _texts(st, **cols):
    ds = st["sentinel2"].to_dataset()
    base = dict(y=[float(ds.y[3])] * 2, x=[float(ds.x[5])] * 2, time=["2024-03-01", None], text=["a field", "b"])
    return pd.DataFrame({**base, **cols})


def test_texts_times_and_coordinates():
    st = toy_stack(n_time=4, size=48); cfg = samples.sampler_config(preset("tiny"), "tiny")
    p = samples.prepare(st, cfg, texts=_texts(st))
    assert len(p.texts["row"]) == 2 and np.isfinite(p.texts["days"][0]) and np.isnan(p.texts["days"][1])
    for bad in ("yesterday", "31/31/2024"):
        with pytest.raises(TimeError, match=f"column 'time' holds {bad!r} \\(row 1\\).*ISO dates"):
            samples.prepare(st, cfg, texts=_texts(st, time=["2024-03-01", bad]))
    with pytest.raises(LabelError, match="column 'y' holds text \\('--'"):
        samples.prepare(st, cfg, texts=_texts(st, y=[0.0, "--"]))
    with pytest.raises(LabelError, match="none of the 2 texts lies on the stack's grid.*not lon/lat"):
        samples.prepare(st, cfg, texts=_texts(st, y=[45.0, 45.1], x=[3.0, 3.1]))


def test_aef_train_texts_with_a_bad_time_exit_2_before_any_work(tmp_path, capsys):
    (tmp_path / "t.csv").write_text("y,x,time,text\n5619500,640500,2024-01-02,ok\n5619500,640500,yesterday,a field\n")
    code = main(["train", "--texts", str(tmp_path / "t.csv"), "--out", str(tmp_path / "r"), "--steps", "1",
                 "--preset", "tiny"])
    err = capsys.readouterr().err
    assert code == 2 and "'yesterday' (row 1, line 3 of the file), not a date" in err and "--texts" in err, err
    assert not (tmp_path / "r").exists()


def test_local_mirror_samples_and_site_tables(tmp_path):
    from alphaearth_nb.official import build_local_mirror
    from alphaearth_nb.sites import read_sites
    df = _features(label=False); df["dw_label"] = 1; df.loc[3, "A07"] = "--"
    with pytest.raises(LabelError, match="column 'A07' holds text \\('--', row 3"):
        build_local_mirror(tmp_path / "m", samples=df)
    (tmp_path / "s.parquet").write_text("not parquet")
    with pytest.raises(LabelError, match="cannot read .*s.parquet as a site table"): read_sites(tmp_path / "s.parquet")


def test_case_C19_numbers_with_a_comma_name_decimal_not_coerce(tmp_path):
    "A ';' CSV from a European spreadsheet read without decimal=',': the fix names the comma; coercing made all NaN."
    e = _emb()
    pd.DataFrame({"lon": ["3,001", "3,002"], "lat": ["45,1", "45,2"], "label": [1, 2]}).to_csv(tmp_path / "p.csv", index=False)
    with pytest.raises(LabelError, match=r"column 'lon' holds numbers written with a comma \('3,001', '3,002'\).*decimal=','"):
        read_geometries(tmp_path / "p.csv")
    t = pd.DataFrame({"x": e.x.values[:3], "y": e.y.values[:3], "value": ["1,5", "2,5", "3,0"]})
    with pytest.raises(LabelError, match=r"column 'value' holds numbers written with a comma.*thousands=','"):
        e.aef.regress(t, crs="EPSG:32631")
    fixed = t.assign(value=pd.to_numeric(t["value"].str.replace(",", ".")))     # the fix the message gives works
    p = e.aef.regress(fixed, method="knn", k=1, crs="EPSG:32631").values
    np.testing.assert_allclose([p[0, 0], p[1, 1], p[2, 2]], [1.5, 2.5, 3.0])
    with pytest.raises(LabelError, match=r"holds text \('3,001'.*errors='coerce'"):   # other text too: as before
        read_geometries(pd.DataFrame({"lon": ["3,001", "abc"], "lat": [45.1, 45.2]}))



@pytest.mark.parametrize("labels", [[0.5, 2.5] * 3, ["1", "1.0", " 2", "2", "01", "2.0"], ["a", "b"] * 3,
                                    [10**18 + 1, 10**18 + 2] * 3])
def test_the_cli_reads_labels_by_the_rule_of_every_reader(labels, tmp_path):  # review item 9: it had its own
    import warnings
    from alphaearth_nb.labels import encode_labels, label_values
    df = _features(); df["label"] = pd.Series(labels, dtype=object)
    df.to_csv(tmp_path / "t.csv", index=False)
    for table in (df, pd.read_csv(tmp_path / "t.csv")):   # as given, and as pandas reads the file back
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always")
            _, y = labels_from_csv(table, "label")
        want = label_values(table["label"].to_numpy())   # '1', '01', '1.0': one class, warned
        assert y.tolist() == want.tolist() and encode_labels(y)[0].tolist() == encode_labels(want)[0].tolist()
        assert any("read as one class" in str(w.message) for w in got) == (table["label"].dtype == object
                                                                           and labels[0] == "1")
    with pytest.raises(LabelError, match="column 'label' mixes"):
        labels_from_csv(df.assign(label=["1", "forest"] * 3), "label")


@pytest.mark.parametrize("stray", ["A1", "a64", "A99"])
def test_a_stray_column_beside_the_bands_is_not_a_band(stray):
    """Review b 3: A00..A63 plus a stray A1 (band 1 named twice?) was refused, 'lacks the embedding columns []'; the
    exact names A00..A63 are the bands. a64..a99 beside them name bands past A63: refused naming them and the fix
    (`bands.band_columns`, the rule knn_search reads tables by too; was: read as other columns, silently)."""
    df = _features().astype({"A07": np.float64})
    want, _ = labels_from_csv(df, "label")
    df[stray] = 7.0
    low = df.rename(columns={b: b.lower() for b in band_names()})   # a00..a63: the stray A1 names band 1 twice
    if stray != "A1":
        for table in (df, low):
            with pytest.raises(LabelError, match=rf"beyond A63 \({stray}\).*df.drop\(columns=\['{stray}'\]\)"):
                labels_from_csv(table, "label")
        return
    got, _ = labels_from_csv(df, "label")
    np.testing.assert_array_equal(got, want)
    with pytest.raises(LabelError, match=r"names bands twice \(a01 and A1\)"): labels_from_csv(low, "label")


def test_missing_bands_are_named():
    df = _features().drop(columns=["A05", "A40"])
    with pytest.raises(LabelError, match=r"lacks the embedding columns \['A05', 'A40'\]"): labels_from_csv(df, "label")


def test_a_raster_target_of_text_gets_a_raster_fix():
    "Review b 8: a raster target's comma fix said to re-read with pd.read_csv and edit df['label']: no table there."
    e = _emb()
    vals = np.array([f"{v:.2f}".replace(".", ",") for v in np.linspace(1, 4, e.sizes["y"] * e.sizes["x"])], object)
    target = xr.DataArray(vals.reshape(e.sizes["y"], e.sizes["x"]), dims=("y", "x"), coords={"y": e.y, "x": e.x})
    with pytest.raises(LabelError, match=r"the target raster holds numbers written with a comma") as err:
        e.aef.regress(target, method="knn", k=1)
    assert "read_csv" not in str(err.value) and "df[" not in str(err.value)
    fixed = target.str.replace(',', '.').astype(float)                  # the fix the message gives
    p = e.aef.regress(fixed, method="knn", k=1).values
    np.testing.assert_allclose(p, fixed.values, atol=1e-6)
    words = target.copy(data=np.where(np.arange(vals.size) % 2, "forest", "3.5").reshape(target.shape).astype(object))
    with pytest.raises(LabelError, match=r"raster holds text \(forest\).*target.copy\(data=pd.to_numeric") as err:
        e.aef.regress(words, method="knn", k=1)
    assert "df[" not in str(err.value)


def test_an_xy_table_without_crs_is_told_the_lonlat_crs_when_its_values_are_degrees():
    """official.sample_points of a table with x/y columns holding lon/lat (the README's label table) was told
    `crs='EPSG:32631'` only, a UTM CRS those values cannot be in; values within degrees now name EPSG:4326 first."""
    from alphaearth_nb.core import GridError
    from alphaearth_nb.places import read_geometries
    with pytest.raises(GridError, match=r"within degrees.*crs='EPSG:4326'") as e:
        read_geometries(pd.DataFrame({"x": [5.99, 6.0], "y": [45.001, np.nan]}))
    assert "needs its CRS" in str(e.value)
    with pytest.raises(GridError, match=r"crs='EPSG:32631'") as e:
        read_geometries(pd.DataFrame({"x": [640_500.0], "y": [5_619_500.0]}))
    assert "degrees" not in str(e.value)
    assert read_geometries(pd.DataFrame({"x": [5.99], "y": [45.0]}), crs="EPSG:4326").crs.to_epsg() == 4326
