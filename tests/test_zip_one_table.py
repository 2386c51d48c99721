"A '.zip' table is read by its one file, folder entries and macOS metadata ('__MACOSX/', '._*') aside; several tables in it are refused by name."
import zipfile, pytest
from alphaearth_nb.core import LabelError
from alphaearth_nb.tables import read_table, text_encoding

def _zip(path, entries):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries: z.writestr(name, data)
    return path

@pytest.mark.parametrize("extra", [[("__MACOSX/", b""), ("__MACOSX/._l.csv", b"\x00\x05\x16\x07\xff\xfe junk")],
                                   [("data/", b"")], [("._l.csv", b"\x00\x05\x16\x07\xff\xfe")]])
def test_one_table_among_folders_and_metadata(tmp_path, extra):
    p = _zip(tmp_path / "l.zip", extra + [("data/l.csv", "x;y;label\n1,5;2;3\n4;5,25;6\n")])
    assert text_encoding(p) == "utf-8"
    df = read_table(p)
    assert list(df.columns) == ["x", "y", "label"] and df["x"].tolist() == [1.5, 4.0] and df["y"].tolist() == [2.0, 5.25]

def test_several_tables_refused_by_name(tmp_path):
    p = _zip(tmp_path / "two.zip", [("a.csv", "x,y\n1,2\n"), ("b.csv", "x,y\n3,4\n")])
    with pytest.raises(LabelError, match=r"two.zip holds 2 files \(a.csv, b.csv\).*unzip it and pass the table itself"):
        read_table(p)
