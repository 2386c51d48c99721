"""`aef evaluate`'s errors about a label file give fixes a shell user can run: a vector file's wrong or missing CRS
label is relabelled with GDAL's `ogr2ogr -a_srs` (a raster's with `rio edit-info --crs`), not Python's
`gdf.set_crs(...)` / `gpd.read_file(...).set_crs(...).to_file(...)`, which Python callers still get beside it; a year
column to do without is deleted from the file, not 'dropped' (note47: two CLI errors gave Python fixes)."""
import pytest

gpd = pytest.importorskip("geopandas")
PYTHON = ("gdf", "gpd.", "set_crs", "to_file", "write_crs", "drop the column")


def _said(err):
    assert err.startswith("aef: error: "), err
    assert not [w for w in PYTHON if w in err], err
    return err


def test_a_file_crs_clash_names_the_file_the_flag_and_ogr2ogr(tmp_path, evaluate_cli, labelled_store):
    "s49: was 'the GeoDataFrame's geometries say their CRS, EPSG:32631, and crs= names another' (no GeoDataFrame given)."
    store, pts = labelled_store
    path = tmp_path / "l.gpkg"
    pts.to_file(path)   # says EPSG:32631; --crs another
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(path), "--crs", "EPSG:3857")
    assert rc == 2 and f"the geometries of {path} say their CRS, EPSG:32631, and `--crs` names another (EPSG:3857): " \
        "drop `--crs`" in _said(err) and f"`ogr2ogr -a_srs 'EPSG:3857' FIXED '{path}'`" in err, err
    assert "GeoDataFrame" not in err and "crs=" not in err, err


def test_a_geojson_file_crs_clash_names_the_flag_and_ogr2ogr(tmp_path, evaluate_cli, labelled_store):
    store, pts = labelled_store
    path = tmp_path / "l.geojson"
    pts.to_crs(4326).to_file(path)   # lon/lat by RFC 7946; --crs says metres
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(path), "--crs", "EPSG:32631")
    assert rc == 2 and "`--crs` names EPSG:32631: drop `--crs`" in _said(err), err
    assert f"`ogr2ogr -a_srs 'EPSG:32631' FIXED '{path}'`" in err and "crs=" not in err, err


def test_a_file_of_a_wrong_crs_label_names_ogr2ogr(tmp_path, evaluate_cli, labelled_store):
    store, pts = labelled_store
    path = tmp_path / "w.gpkg"
    pts.set_crs(4326, allow_override=True).to_file(path)   # UTM metres labelled lon/lat
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(path))
    assert rc == 2 and f"`ogr2ogr -a_srs EPSG:32631 FIXED '{path}'`" in _said(err), err


def test_a_file_without_a_crs_names_the_flag_and_ogr2ogr(tmp_path, evaluate_cli, labelled_store):
    store, pts = labelled_store
    path = tmp_path / "n.shp"
    pts.set_crs(None, allow_override=True).to_file(path)
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(path))
    assert rc == 2 and "`--crs EPSG:32631`" in _said(err) and f"`ogr2ogr -a_srs EPSG:32631 FIXED {path}`" in err, err


def test_a_year_column_of_no_years_is_deleted_from_the_file(tmp_path, evaluate_cli, labelled_store):
    store, pts = labelled_store
    t = pts.assign(x=pts.geometry.x, y=pts.geometry.y, year="abc")[["x", "y", "label", "year"]]
    t.to_csv(tmp_path / "y.csv", index=False)
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "y.csv"), "--crs", "EPSG:32631")
    assert rc == 2 and "delete the column (from the table, or the label file)" in _said(err), err


def test_python_callers_keep_the_python_fix(labelled_store):
    from alphaearth_nb.core import GridError
    from alphaearth_nb.geometries import agreed_crs
    with pytest.raises(GridError) as e: agreed_crs("EPSG:32631", "EPSG:3857", "GeoDataFrame's geometries")
    msg = str(e.value)
    assert "`gdf.set_crs('EPSG:3857', allow_override=True)` / `ogr2ogr -a_srs 'EPSG:3857' FIXED LABELS`" in msg, msg


def test_lonlat_columns_under_a_projected_crs_name_the_flag(tmp_path, evaluate_cli, labelled_store):
    "s49: the refusal said 'but crs= is projected' to a shell user who passed --crs."
    store, pts = labelled_store
    ll = pts.to_crs(4326)
    t = ll.assign(lon=ll.geometry.x, lat=ll.geometry.y)[["lon", "lat", "label"]]
    t.to_csv(tmp_path / "ll.csv", index=False)
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "ll.csv"), "--crs", "EPSG:32631")
    assert rc == 2 and "but `--crs` is projected (EPSG:32631)" in _said(err) and "crs=" not in err, err
