"""aef evaluate --labels reads a CSV of labelled points (lon/lat, or x/y in the embeddings' CRS, any separator) and
a KML/KMZ file as `classify(emb, path)` reads them: the same table as the GeoPackage of those points. Was: 'cannot be
opened as a netCDF/zarr dataset'. A label column name the shell splits is quoted in the fix ('Crop Type')."""
import pytest

pytest.importorskip("geopandas")

from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_point_tables_and_kml_read_as_the_geopackage(tmp_path, evaluate_cli, pixel_points):
    e = embedding_from_array(random_unit((12, 10), seed=1))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    pts = pixel_points(e, classes=(11, 22))
    ll = pts.to_crs(4326)
    pts.to_file(tmp_path / "l.gpkg")
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "l.gpkg"))
    assert rc == 0 and "knn1" in want, err
    ll.assign(latitude=ll.geometry.y, longitude=ll.geometry.x)[["latitude", "longitude", "label"]].to_csv(
        tmp_path / "ll.csv", index=False)                                            # lat first, as GPS exports
    pts.assign(x=pts.geometry.x, y=pts.geometry.y)[["x", "y", "label"]].rename(columns={"label": "Crop Type"}).to_csv(
        tmp_path / "xy.csv", index=False, sep=";")                                   # UTM x/y, ';' separated
    ll.rename(columns={"label": "Name"}).to_file(tmp_path / "l.kml", driver="KML")  # Google Earth: labels in Name
    for f, extra in (("ll.csv", []), ("xy.csv", ["--label-column", "Crop Type"]), ("l.kml", ["--label-column", "Name"])):
        rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / f), *extra)
        assert rc == 0 and out == want, (f, err)
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "xy.csv"), "--label-column", "crop type")
    assert rc == 2 and "pass --label-column 'Crop Type'" in err   # the name a shell keeps whole
