"""The off-map refusal's "(labels 1, 2, from 0 in the order given)" counted the rows of `cubes.label_table`'s pixel
table (points first, then stand-ins for small polygons, then polygon pixels; rows without a label dropped and
renumbered), not the user's: a GeoDataFrame of a field, a point, an off-map point, a row without a label and another
off-map point was told 'labels 1, 2 ... while the other 6 lie on it'. Now the user's rows are named (their table's,
from 0; a file's features; an index of names by name; an id column's values beside them) and the others counted as
rows. Fails on f54a6ee4."""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from alphaearth_nb import analysis
from alphaearth_nb.core import LabelError
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

UTM = embedding_from_array(random_unit((4, 5), seed=2), coords=grid_coords(4, 5, 500_000., 5_000_000.), crs="EPSG:32631")
PTS = [(500025, 4999975), (500300, 4999995), (500015, 4999985), (499000, 5000900), (500035, 4999985)]


def _refusal(labels, **kw) -> str:
    with pytest.warns(UserWarning), pytest.raises(LabelError) as e:   # the row without a label: said
        analysis.classify(UTM, labels, **kw)
    return " ".join(str(e.value).split())


def _fields():
    return gpd.GeoDataFrame({"label": [0, 1, 0, None, 1, 1], "plot_id": ["p0", "p1", "p2", "p3", "p4", "p5"]},
                            geometry=[shapely.box(500000, 4999960, 500020, 4999980)] + [shapely.Point(p) for p in PTS],
                            crs="EPSG:32631")


def test_polygon_and_points_name_the_users_rows():
    msg = _refusal(_fields())
    assert "(rows 2, 4 of the labels, from 0; plot_id 'p2', 'p4') while the other 3 lie on it" in msg, msg


def test_an_index_of_names_is_named_by_name():
    msg = _refusal(_fields().set_index("plot_id"))
    assert "(rows 'p2', 'p4' of the labels (their index)) while the other 3 lie on it" in msg, msg


def test_a_files_features_from_0(tmp_path):
    _fields().drop(columns="plot_id").to_file(tmp_path / "f.geojson")
    msg = _refusal(str(tmp_path / "f.geojson"))
    assert f"(features 2, 4 of {tmp_path / 'f.geojson'}, from 0) while the other 3 lie on it" in msg, msg


def test_a_table_of_points_without_a_label_in_between():
    xy = np.array([(500005, 4999995)] + PTS, float)
    df = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "label": [0, 1, 0, None, 1, 1]})
    msg = _refusal(df, crs="EPSG:32631")
    assert "(rows 2, 4 of the labels, from 0) while the other 3 lie on it" in msg, msg


def test_aef_classify_names_the_files_rows(tmp_path, capsys):
    pytest.importorskip("rioxarray")
    from alphaearth_nb.cli import main
    from alphaearth_nb.exports import to_cog
    to_cog(UTM.astype("float32"), tmp_path / "e.tif", overviews=False)
    xy = np.array([(500005, 4999995)] + PTS, float)
    pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "label": ["a", "b", "a", "", "b", "b"]}).to_csv(tmp_path / "p.csv", index=False)
    with pytest.warns(UserWarning):   # the row without a label: said in the file's words
        assert main(["classify", "--embeddings", str(tmp_path / "e.tif"), "--labels", str(tmp_path / "p.csv"),
                     "--crs", "EPSG:32631", "--out", str(tmp_path / "c.tif")]) != 0
    err = " ".join(capsys.readouterr().err.split())
    assert f"(rows 2, 4 of {tmp_path / 'p.csv'}, from 0 (the first row under the header is 0)) while the other 3" in err, err
