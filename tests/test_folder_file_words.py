"""A file output named where a folder is, read as its user: a non-empty folder where a file (or a COG) would go says
'is a non-empty folder, not a file' (was 'fo/full is a non-empty folder and the file a file'), and an empty folder
names a file inside it as an example and the way to write in its place (was: 'is a folder: choose a file path')."""
import pytest

from alphaearth_nb.core import NotOursError, OutputExistsError
from alphaearth_nb.files import check_output, writing_file


def test_a_non_empty_folder_where_a_file_goes(tmp_path):
    full = tmp_path / "full"; full.mkdir(); (full / "x.txt").write_text("a")
    with pytest.raises(NotOursError) as e:
        check_output(full, True, "file", folder=False)
    msg = str(e.value)
    assert "the file a file" not in msg and f"{full} is a non-empty folder, not a file" in msg, msg
    assert f"e.g. {full / 'out'}" in msg, msg


def test_an_empty_folder_where_a_file_goes_offers_one(tmp_path):
    empty = tmp_path / "fo"; empty.mkdir()
    with pytest.raises(OutputExistsError) as e:
        with writing_file(empty, "w") as f: f.write("x")
    msg = str(e.value)
    assert f"{empty} is an empty folder, not a file" in msg and f"e.g. {empty / 'fo'}" in msg, msg
    assert f"rmdir {empty}" in msg, msg
