"""`aef classify --embeddings mirror/2024/31N` (a year's zone folder of an official mirror on disk) was refused, "a
folder inside a mirror ... pass one tile", though the same folder copied out of the mirror was read: a folder of
GeoTIFFs is one map a year wherever it lies, its tiles' year read from the mirror's path. And a folder of two
undated tiles of one place under aef similarity ended "(aef change takes two)": that clause is said under change only."""
import shutil

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import official
from alphaearth_nb.cli import main
from alphaearth_nb.exports import read_cog

rioxarray = pytest.importorskip("rioxarray")


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    root = tmp_path_factory.mktemp("mirror")
    return official.build_local_mirror(root / "mirror", years=(2023, 2024), samples=shared_data / "aef_samples").root


def test_a_zone_folder_inside_a_mirror_is_mapped_as_its_tiles(mirror, tmp_path, capsys):
    zone = mirror / "2024" / "31N"
    tile = sorted(zone.glob("*.tiff"))[0]
    e = read_cog(tile)
    rows, cols = [5, 20, 40, 60, 80, 10, 30, 50, 70, 90], [10, 30, 50, 70, 90, 5, 20, 40, 60, 80]
    pd.DataFrame({"x": e.x.values[cols], "y": e.y.values[rows], "label": ["a"] * 5 + ["b"] * 5}).to_csv(
        tmp_path / "l.csv", index=False)
    shutil.copytree(zone, tmp_path / "copy")
    got = {}
    for name, src in (("mirror", zone), ("copy", tmp_path / "copy")):
        rc = main(["classify", "--embeddings", str(src), "--labels", str(tmp_path / "l.csv"), "--out",
                   str(tmp_path / f"{name}.tif")])
        assert rc == 0, capsys.readouterr().err
        got[name] = rioxarray.open_rasterio(tmp_path / f"{name}.tif").values
    np.testing.assert_array_equal(got["mirror"], got["copy"])
    assert main(["classify", "--embeddings", str(zone), "--year", "2023", "--labels", str(tmp_path / "l.csv"),
                 "--out", str(tmp_path / "y.tif")]) == 2   # the year the mirror's path names: 2024
    assert "2024" in capsys.readouterr().err


def test_change_clause_only_under_change(mirror, tmp_path, capsys):
    tile = sorted((mirror / "2024" / "31N").glob("*.tiff"))[0]
    (tmp_path / "two").mkdir()   # two years' tiles of one place, undated (two copies of one tile: read once)
    for n, y in (("a", "2023"), ("b", "2024")): shutil.copy(mirror / y / "31N" / tile.name, tmp_path / "two" / f"{n}.tiff")
    e = read_cog(tile)
    pd.DataFrame({"x": e.x.values[[3]], "y": e.y.values[[4]]}).to_csv(tmp_path / "p.csv", index=False)
    said = {}
    for cmd, rest in (("similarity", ["--points", str(tmp_path / "p.csv")]), ("change", [])):
        assert main([cmd, "--embeddings", str(tmp_path / "two"), *rest, "--out", str(tmp_path / f"{cmd}.tif")]) == 2
        said[cmd] = capsys.readouterr().err
        assert "cover the same pixels" in said[cmd], said[cmd]
    assert "aef change takes two" not in said["similarity"] and "aef change takes two" in said["change"]
