"""aef evaluate --crs: the CRS of --labels points that do not say theirs (a CSV's x/y), as `crs=` is in Python. Was:
points off the grid ended with "pass the CRS they are in, `crs=...`", which the command had no flag for. Now the
words name --crs, and --crs EPSG:3857 reads such a table as the GeoPackage of the same points is read; --crs beside
labels that have no points to read it (a CSV of embeddings) is refused, as the other unread options are."""
import pytest

gpd = pytest.importorskip("geopandas")


def test_points_in_another_crs_take_the_flag(tmp_path, evaluate_cli, labelled_store):
    store, pts = labelled_store
    pts.to_file(tmp_path / "l.gpkg")
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "l.gpkg"))
    assert rc == 0, err
    web = pts.to_crs(3857)   # Web Mercator metres: off the UTM grid as written
    web.assign(x=web.geometry.x, y=web.geometry.y)[["x", "y", "label"]].to_csv(tmp_path / "web.csv", index=False)
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "web.csv"))
    assert rc == 2 and "--crs" in err and "crs=" not in err, err
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "web.csv"), "--crs", "EPSG:3857")
    assert rc == 0 and out == want, err
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", "samples", "--crs", "EPSG:3857")
    assert rc == 2 and "--crs EPSG:3857" in err and "read by nothing" in err, err
