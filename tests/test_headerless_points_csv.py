"""A CSV of points without a header line (`5.99,45.002` rows) was told "the table has no lon/lat or x/y columns (has
['5.99', '45.002']) ... rename 'X' to 'x'" (Python, `sample`), and under aef evaluate/classify --labels "has no
column 'label' ... pass --label-column": its first row read as column names. Both now say the file has no header
line and which one to add."""
import pytest

from alphaearth_nb import places
from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelError
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

UTM = embedding_from_array(random_unit((4, 5), seed=2), coords=grid_coords(4, 5, 500_000., 5_000_000.), crs="EPSG:32631")


def test_sample_of_a_headerless_csv_names_the_header_to_add(tmp_path):
    (tmp_path / "p.csv").write_text("3.0001,45.1532\n3.0002,45.1533\n")
    with pytest.raises(LabelError) as e:
        places.sample(UTM, str(tmp_path / "p.csv"))
    msg = str(e.value)
    assert "no header line" in msg and "`lon,lat`" in msg and "rename" not in msg, msg


@pytest.mark.parametrize("cmd", [["evaluate"], ["classify", "--out", "c.tif"]])
def test_labels_of_a_headerless_csv_name_the_header_to_add(tmp_path, capsys, cmd, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.csv").write_text("3.0001,45.1532,1\n3.0002,45.1533,2\n")
    UTM.to_dataset(name="embedding").to_zarr(tmp_path / "e.zarr", consolidated=False)
    assert main([*cmd, "--embeddings", "e.zarr", "--labels", "p.csv"]) == 2
    err = capsys.readouterr().err
    assert "no header line" in err and "lon,lat,label" in err and "--label-column" not in err, err


def test_named_columns_get_no_header_words():
    assert places.coordinate_hint(["X", "Y", "label"]) and "header" not in places.coordinate_hint(["X", "Y"])
    assert places.coordinate_hint(["a", "b"]) == ""
