"""`aef train/embed --data labels.parquet` (any Parquet file) was called a WorldCereal point set, pointed to
`read_worldcereal_points`, which would not read it: only the suffix was checked. Now the file's columns are (those of
a WorldCereal point export). And an object column of integer ids (or ids as text from a CSV) with -1 unlabelled was
asked for "a name" for each real class: it is asked for an id >= 0; a column of names still for a name."""

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelWarning
from alphaearth_nb.loaders import data_folder_said
from alphaearth_nb.metrics import drop_unlabelled


def test_a_parquet_table_of_labels_is_no_point_set(tmp_path):
    pd.DataFrame({"lon": [3.0], "lat": [45.0], "label": [1]}).to_parquet(tmp_path / "labels.parquet")
    assert "read_worldcereal_points" not in data_folder_said(tmp_path / "labels.parquet")


def test_the_worldcereal_points_are_still_named(shared_data):
    said = data_folder_said(shared_data / "worldcereal_points" / "corsica_2022_monthly.geoparquet")
    assert "it is a point set" in said and "read_worldcereal_points" in said, said


@pytest.mark.parametrize("vals, fix", [(np.array([1, -1, 2], dtype=object), "an id >= 0"),
                                       (np.array(["1", "-1", "2"]), "an id >= 0"),
                                       (np.array(["crop", "", "forest"], dtype=object), "a name")])
def test_ids_are_asked_for_ids_names_for_names(vals, fix):
    with pytest.warns(LabelWarning, match=f"Give each real class {fix}$"):
        drop_unlabelled(np.zeros((3, 1)), vals)
