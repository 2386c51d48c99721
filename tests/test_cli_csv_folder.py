"A folder where the aef command wants a CSV file (--texts, --embeddings): named as a folder, the file inside offered."

import pytest

from alphaearth_nb.cli import main


@pytest.mark.parametrize("argv", [["train", "--texts", "{d}", "--out", "{out}", "--steps", "1"],
                                  ["evaluate", "--embeddings", "{d}"]])
def test_a_folder_given_for_a_csv(tmp_path, capsys, argv):
    d = tmp_path / "tables.csv"   # a folder, named as a file would be
    d.mkdir(); (d / "points.csv").write_text("x,y\n1,2\n")
    flag = argv[argv.index("{d}") - 1]
    rc = main([a.format(d=d, out=tmp_path / "run") for a in argv])
    err = capsys.readouterr().err
    assert rc == 2 and f"{flag} {d} is a folder, not a CSV file" in err and f"{flag} {d / 'points.csv'}" in err, err
    assert "IsADirectoryError" not in err and "to_csv" not in err   # was: pandas' error, then how to write a CSV
    assert not (tmp_path / "run").exists()


def test_the_file_offered_is_quoted_for_the_shell(tmp_path, capsys):
    "A folder whose name the shell splits: the file offered is quoted, so the line runs as printed (session 34)."
    d = tmp_path / "my tables.csv"   # a folder, named as a file would be
    d.mkdir(); (d / "field points.csv").write_text("x,y\n1,2\n")
    rc = main(["evaluate", "--embeddings", str(d)])
    err = capsys.readouterr().err
    assert rc == 2 and f"e.g. --embeddings '{d / 'field points.csv'}'" in err, err
