"""`aef evaluate --embeddings FILE` of a file that is no embedding store or table: the message says what the file is
(a text file without a column separator, a table without A00 .. A63, a binary file of another form) and the kinds
--embeddings reads, with the commands that make one and score it. Was: notes.txt read as a one-column table, then
"no column 'label' (columns: Field notes ...): pass --label-column 'Field notes ...'"; a .md or binary file: xarray's
"did not find a match in any of xarray's currently installed IO backends [...]" (session 36)."""
import pytest

from alphaearth_nb.cli import main

KINDS = ("aef evaluate --embeddings reads the .zarr store `aef embed` wrote (or a .nc of it), or a text table "
         "(.csv, .tsv, .txt) or a Parquet table (.parquet, .geoparquet) with columns A00 .. A63 and a label column")
EXAMPLE = "`aef evaluate --embeddings emb.zarr --labels samples --spacing 50`"
NOTES = "Field notes from the 2024 survey.\nThe rice paddies were flooded in June.\n"


def _err(capsys, path) -> str:
    assert main(["evaluate", "--embeddings", str(path)]) == 2
    return capsys.readouterr().err


def test_a_text_file_of_prose_is_named_a_text_file_not_a_table(tmp_path, capsys):
    (p := tmp_path / "notes.txt").write_text(NOTES)
    err = _err(capsys, p)
    assert (f"--embeddings {p} is a text file with no column separator (, ; tab |) in its first line ('Field notes "
            "from the 2024 survey.'): no table of embeddings") in err, err
    assert KINDS in err and EXAMPLE in err and "--label-column" not in err, err


def test_a_table_without_embedding_columns_says_so_before_the_label_column(tmp_path, capsys):
    (p := tmp_path / "points.csv").write_text("lon,lat,crop\n1,2,rice\n3,4,maize\n")
    err = _err(capsys, p)
    assert (f"--embeddings {p} is a table of 2 rows whose columns (lon, lat, crop) hold no embedding band "
            "(A00 .. A63)") in err and KINDS in err and EXAMPLE in err, err
    assert "no column 'label'" not in err, err   # was the first thing said


@pytest.mark.parametrize("name, data, what", [
    ("notes.md", NOTES.encode(), "is a text file (its first line: 'Field notes from the 2024 survey.'), no netCDF, "
                                 "HDF5, GeoTIFF or zarr store"),
    ("blob.bin", bytes(range(256)) * 4, "is a binary file of no form aef evaluate reads (no netCDF, HDF5 or GeoTIFF "
                                        "signature)"),
])
def test_another_file_is_named_by_what_it_holds(tmp_path, capsys, name, data, what):
    (p := tmp_path / name).write_bytes(data)
    err = _err(capsys, p)
    assert f"--embeddings {p} {what}" in err and KINDS in err and EXAMPLE in err, err
    assert "IO backends" not in err and "ValueError" not in err, err


def test_a_damaged_netcdf_keeps_its_reader_s_words(tmp_path, capsys):
    "A file that starts as netCDF but is cut is damaged, not of another form: the reader's reason is kept."
    (p := tmp_path / "e.nc").write_bytes(b"\x89HDF\r\n\x1a\n" + bytes(64))
    err = _err(capsys, p)
    assert f"--embeddings {p} cannot be opened as a netCDF/zarr dataset" in err and "binary file" not in err, err
