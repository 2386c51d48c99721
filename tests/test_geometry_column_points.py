"""A table whose points are in a geometry column is read as the GeoDataFrame it came from: WKT text (`gdf.to_csv`,
QGIS's CSV export), WKB bytes (`pd.read_parquet` of a GeoParquet file), shapely objects (`pd.DataFrame(gdf)`) and
PostGIS hex WKB, by `sample`, `classify` and `aef evaluate --labels`. Was: 'the table has no lon/lat or x/y columns
(has ['label', 'geometry'])' (sample), 'the label table lacks columns ['x', 'y']' (classify), the points unread.
Cells that are no shape are a LabelError naming the row and the GeoDataFrame to pass; polygons are read in `crs=`."""
import numpy as np
import pandas as pd
import pytest

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")

from alphaearth_nb.core import LabelError
from alphaearth_nb.testing import embedding_from_array, random_unit


def _labelled(e, crs=None):
    "Six points at pixel centres, two classes, as a GeoDataFrame in `crs` (default the map's)."
    r, c = np.array([0, 1, 2, 5, 6, 7]), np.array([1, 4, 7, 2, 5, 8])
    g = gpd.GeoDataFrame({"label": [1, 2, 1, 2, 1, 2]}, geometry=gpd.points_from_xy(e.x.values[c], e.y.values[r]),
                         crs=e.attrs["crs"])
    return (g if crs is None else g.to_crs(crs)), r, c


def _forms(g, tmp_path):
    "The same points as tables of other readers' geometry columns."
    g.to_csv(tmp_path / "wkt.csv", index=False)          # geopandas writes WKT in 'geometry'
    g.to_parquet(tmp_path / "g.parquet")
    return {"gdf.to_csv": pd.read_csv(tmp_path / "wkt.csv"),
            "csv path": str(tmp_path / "wkt.csv"),
            "pd.read_parquet": pd.read_parquet(tmp_path / "g.parquet"),       # WKB bytes
            "pd.DataFrame(gdf)": pd.DataFrame(g),                              # shapely objects
            "postgis hex": pd.DataFrame({"label": g["label"].to_numpy(),
                                         "geom": [shapely.to_wkb(p, hex=True) for p in g.geometry]})}


@pytest.mark.parametrize("crs", [None, "EPSG:4326"])
def test_sample_reads_a_geometry_column_as_its_points(tmp_path, crs):
    e = embedding_from_array(random_unit((8, 10), seed=3))
    g, r, c = _labelled(e, crs)
    for name, t in _forms(g, tmp_path).items():
        got = e.aef.sample(t)
        np.testing.assert_allclose(got[[f"A{i:02d}" for i in range(64)]].to_numpy(), e.values[r, c], atol=1e-6,
                                   err_msg=name)


def test_classify_reads_a_geometry_column_as_the_geodataframe(tmp_path):
    e = embedding_from_array(random_unit((8, 10), seed=4))
    g, r, c = _labelled(e, "EPSG:4326")
    want = e.aef.classify(g, k=1)["class"].values
    np.testing.assert_array_equal(want[r, c], g["label"].to_numpy())
    for name, t in _forms(g, tmp_path).items():
        np.testing.assert_array_equal(e.aef.classify(t, k=1)["class"].values, want, err_msg=name)


def test_aef_evaluate_reads_a_wkt_csv_as_the_geopackage(tmp_path, evaluate_cli, labelled_store):
    store, g = labelled_store
    g.to_file(tmp_path / "l.gpkg")
    g.to_csv(tmp_path / "l.csv", index=False)
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "l.gpkg"))
    assert rc == 0 and "knn1" in want, err
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "l.csv"))
    assert rc == 0 and out == want, err


def test_polygons_are_read_in_crs_and_cells_that_are_no_shape_are_named(tmp_path):
    e = embedding_from_array(random_unit((8, 10), seed=5))
    g, _, _ = _labelled(e, "EPSG:4326")
    t = pd.DataFrame({"label": g["label"].to_numpy(), "geometry": g.geometry.to_wkt().to_numpy()})
    x0, y0 = float(e.x[0]) - 5, float(e.y[0]) + 5   # two fields; with no crs= on the map, the one rule for places
    # without a CRS (geo.point_crs of the shapes' centres, a65dd403) reads them in the map's CRS, where they lie
    fields = gpd.GeoDataFrame({"label": [1, 2]}, geometry=[shapely.box(x0, y0 - 30, x0 + 30, y0),
                              shapely.box(x0 + 50, y0 - 70, x0 + 90, y0 - 40)], crs=e.attrs["crs"])
    poly = pd.DataFrame({"label": [1, 2], "geometry": fields.geometry.to_wkt().to_numpy()})
    cols = [f"A{i:02d}" for i in range(64)]
    want = e.aef.aggregate(fields)[cols].to_numpy(float)
    for got in (e.aef.aggregate(poly, crs=e.attrs["crs"]), e.aef.aggregate(poly)):
        np.testing.assert_allclose(got[cols].to_numpy(float), want)
    np.testing.assert_array_equal(e.aef.classify(poly, k=1, crs=e.attrs["crs"])["class"].values,
                                  e.aef.classify(fields, k=1)["class"].values)
    bad = t.copy(); bad.loc[2, "geometry"] = "POINT (1 2"
    with pytest.raises(LabelError, match=r"row 2 of the table's 'geometry' column is no WKT geometry"):
        e.aef.classify(bad, k=1)
