"""`aef evaluate --embeddings tiles/` (a folder of embedding GeoTIFFs, what a user of the official tiles has) names
the fix: one file of them (`gdalbuildvrt`, or `rio merge`, which runs here as named), or one tile. Was: 'a folder
that is neither a zarr store nor an alphaearth_nb run ...: pass the .zarr written by `aef embed --out`', no fix."""
import shlex
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_folder_of_tiles_names_one_file_of_them(tmp_path, capsys):
    e = embedding_from_array(random_unit((8, 12), seed=2)).assign_attrs(crs="EPSG:32631")
    tiles = tmp_path / "tiles"; tiles.mkdir()
    to_cog(e.isel(x=slice(0, 6)), tiles / "a.tif", overviews=False)
    to_cog(e.isel(x=slice(6, 12)), tiles / "b.tif", overviews=False)
    pts = pd.DataFrame({"x": e.x.values[[1, 3, 7, 10]], "y": e.y.values[[1, 5, 2, 6]], "label": [0, 0, 1, 1]})
    pts.to_csv(tmp_path / "p.csv", index=False)
    assert main(["evaluate", "--embeddings", str(tiles), "--labels", str(tmp_path / "p.csv")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "folder of 2 GeoTIFFs (a.tif, b.tif)" in err and "neither a zarr store" not in err, err
    assert f"gdalbuildvrt {tiles}.vrt {tiles}/*.tif" in err and f"--embeddings {tiles / 'a.tif'}" in err, err
    rio = Path(sys.executable).with_name("rio")
    if not rio.exists(): pytest.skip("no rio command beside this Python")
    line = err.split("`rio merge ")[1].split("`")[0]
    subprocess.run(f"{shlex.quote(str(rio))} merge {line}", shell=True, check=True, cwd=tmp_path)
    assert main(["evaluate", "--embeddings", f"{tiles}.tif", "--labels", str(tmp_path / "p.csv"), "--shots", "1",
                 "--folds", "2"]) == 0
