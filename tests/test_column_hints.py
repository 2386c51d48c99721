"""A label column asked by a name the file keeps otherwise is named with the name to pass: a shapefile cuts a
column name to 10 characters (`crop_type_name` is saved as `crop_type_`), ArcGIS and dBASE writers capitalise
(`LULC_NAME`), a CSV's header may say `Label`. Was: 'pass `column=`' (and the CLI's '--label-column with the name
of the column') without the name."""
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelError
from alphaearth_nb import labels
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 5), seed=2))   # 10 m, corner (500000, 5000000), EPSG:32631


def test_near_column():
    assert labels.near_column("crop_type_name", ["crop_type_", "geometry"])[0] == "crop_type_"
    assert labels.near_column("crop_type_name", ["CROP_TYPE_", "geometry"])[0] == "CROP_TYPE_"
    assert labels.near_column("lulc_name", ["LULC_NAME"])[0] == "LULC_NAME"
    assert labels.near_column("label", ["labels", "x"]) is None and labels.near_column("crop", ["crop_type_"]) is None


def test_a_shapefile_column_cut_to_10_characters_is_named(tmp_path):
    gpd = pytest.importorskip("geopandas")
    g = gpd.GeoDataFrame({"crop_type_name": ["wheat", "maize"]},
                         geometry=gpd.points_from_xy([500005.0, 500045.0], [4999995.0, 4999965.0]), crs="EPSG:32631")
    p = tmp_path / "fields.shp"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # geopandas/pyogrio say they cut the name
        g.to_file(p)
    with pytest.raises(LabelError, match=r"column='crop_type_'.*10 characters"):
        classify(E, str(p), column="crop_type_name", k=1)
    out = classify(E, str(p), column="crop_type_", k=1)   # the fix named works
    assert out["class"].attrs["class_names"] == ["maize", "wheat"]


def test_a_table_column_in_another_case_is_named():
    df = pd.DataFrame({"x": [500005.0, 500045.0], "y": [4999995.0, 4999965.0], "Class_ID": ["a", "b"]})
    with pytest.raises(LabelError, match=r"column='Class_ID'.*another case"):
        classify(E, df, k=1, column="class_id")


def test_aef_evaluate_names_the_label_column_in_another_case(tmp_path, capsys):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(20, 64))
    df = pd.DataFrame(x, columns=[f"A{i:02d}" for i in range(64)]).assign(Label=[0, 1] * 10)
    df.to_csv(tmp_path / "t.csv", index=False)
    assert main(["--no-compile-cache", "evaluate", "--embeddings", str(tmp_path / "t.csv"), "--folds", "2",
                 "--label-column", "label"])   # as typed (left out, Label is read: test_cli_label_column_default) == 2
    assert "--label-column Label (the same name in another case)" in capsys.readouterr().err
