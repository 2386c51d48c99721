"""A fill-like class id of polygon labels is counted in pixels, not rows (session 33's review of df3e3b2).

Polygons are rasterised: `training_set` and `aef evaluate` count the pixels inside them, so 'label 255 holds 6 of 36
labelled rows' for a file of 6 features named a count of rows the file does not have. Now each count names what it
counts: pixels where labels are rasterised (polygons, or a label raster's cells), points for point features, rows
for a table's rows; the fix names what to drop (a vector file's features, a table's rows)."""
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from alphaearth_nb.analysis import training_set
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.testing import embedding_from_array, random_unit

FILL = r"looks like a no-data code"


def _map_and_rows():
    "A 6 x 6 map whose rows of pixels are classes 1..5 and 255 (the first row), and 6 polygons: one a row of pixels."
    ids = np.repeat(np.arange(6), 6).reshape(6, 6)
    rng = np.random.default_rng(0)
    v = random_unit((6,), seed=5)[ids] + 0.05 * rng.normal(size=(6, 6, 64))
    e = embedding_from_array((v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32))
    xs, ys = e.x.values, e.y.values
    half = abs(float(xs[1] - xs[0])) / 2
    rows = [box(xs.min() - half + 1, y - half + 1, xs.max() + half - 1, y + half - 1) for y in ys]
    lab = [255, 1, 2, 3, 4, 5]   # the row of ys[0] labelled 255: its 6 pixels
    gdf = gpd.GeoDataFrame({"label": lab}, geometry=rows, crs="EPSG:32631")
    pts = gpd.GeoDataFrame({"label": np.repeat(lab, 6)},
                           geometry=[Point(x, y) for y in ys for x in xs], crs="EPSG:32631")
    return e, gdf, pts


def _said(rec):
    return [str(w.message) for w in rec if re.search(FILL, str(w.message))]


def test_polygons_are_counted_in_pixels_and_points_as_points():
    e, gdf, pts = _map_and_rows()
    with pytest.warns(LabelWarning, match=FILL) as rec:
        X, y = training_set(e, gdf)
    assert len(y) == 36 and (y == 255).sum() == 6   # 6 features, 36 pixels
    said = _said(rec)
    assert len(said) == 1 and "255 holds 6 of 36 labelled pixels (16.7%)" in said[0] and "rows" not in said[0], said
    with pytest.warns(LabelWarning, match=FILL) as rec:
        training_set(e, pts)
    said = _said(rec)
    assert len(said) == 1 and "255 holds 6 of 36 labelled points (16.7%)" in said[0], said


def test_a_label_raster_is_counted_in_pixels():
    e, gdf, _ = _map_and_rows()
    lab = e.isel(band=0, drop=True).copy(data=np.repeat([255, 1, 2, 3, 4, 5], 6).reshape(6, 6).astype(np.uint8))
    with pytest.warns(LabelWarning, match=FILL) as rec:
        training_set(e, lab.assign_attrs(crs="EPSG:32631"))
    said = _said(rec)
    assert len(said) == 1 and "255 holds 6 of 36 labelled pixels" in said[0], said


def test_a_table_is_still_counted_in_rows():
    e, _, pts = _map_and_rows()
    df = pd.DataFrame({"x": pts.geometry.x, "y": pts.geometry.y, "label": pts["label"]})
    with pytest.warns(LabelWarning, match=FILL) as rec:
        training_set(e, df, crs="EPSG:32631")
    said = _said(rec)
    assert len(said) == 1 and "255 holds 6 of 36 labelled rows" in said[0], said


def test_aef_evaluate_of_polygons_counts_pixels_and_names_the_features(tmp_path):
    from alphaearth_nb.cli import main
    from alphaearth_nb.files import writing_folder
    e, gdf, pts = _map_and_rows()
    ds = e.to_dataset(name="embedding").assign_coords(band=e.band.astype(object))
    with writing_folder(tmp_path / "emb.zarr", what="embedding store", meta={"kind": "embedding"}) as tmp:
        ds.to_zarr(tmp, mode="w", consolidated=False)
    fields, points = tmp_path / "fields.geojson", tmp_path / "points.geojson"
    gdf.to_file(fields); pts.to_file(points)
    for src, count, what in ((fields, "6 of 36 labelled pixels", "features"), (points, "6 of 36 labelled points", "features")):
        with pytest.warns(LabelWarning, match=FILL) as rec:
            assert main(["evaluate", "--embeddings", str(tmp_path / "emb.zarr"), "--labels", str(src),
                         "--shots", "1", "--folds", "2", "--spacing", "0"]) == 0   # every pixel of the small map
        said = _said(rec)
        assert len(said) == 1 and count in said[0] and "rows" not in said[0], said
        assert f"drop the {what} whose 'label' is 255 from {src}" in said[0], said
