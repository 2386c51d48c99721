"""`aef change/classify/similarity --out` inside the folder `--embeddings` reads (newcomer s55 finding 14). Was:
written (rc 0), and every later command on that folder refused it ('holds chg.tif, a change map ...: move it out').
Now a `ConfigError` before anything is read or computed, naming the folder and an --out beside it."""
import shutil

import pytest

from alphaearth_nb.cli import main

pytest.importorskip("rioxarray")


@pytest.fixture
def folder(two_year_cogs, tmp_path):
    root, _ = two_year_cogs
    yrs = tmp_path / "yrs"
    yrs.mkdir()
    for y in (2023, 2024): shutil.copy(root / f"e{y}.tif", yrs / f"e{y}.tif")
    return yrs


@pytest.mark.parametrize("cmd", [["change", "--year", "2023", "--year", "2024"],
                                 ["similarity", "--year", "2024", "--point", "0,0"]])
def test_out_into_the_folder_read_is_refused_first(folder, capsys, cmd):
    rc = main([cmd[0], "--embeddings", str(folder), *cmd[1:], "--out", str(folder / "out.tif")])
    err = capsys.readouterr().err
    assert rc != 0 and f"lies in the --embeddings folder {folder}" in err, err
    assert f"--out {folder.parent / 'out.tif'}" in err
    assert not (folder / "out.tif").exists()
    assert main(["change", "--embeddings", str(folder), "--year", "2023", "--year", "2024",   # the folder still reads
                 "--out", str(folder.parent / "chg.tif")]) == 0
