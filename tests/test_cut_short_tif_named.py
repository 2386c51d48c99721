"""A .tif cut short (an interrupted download) given to a mapping command opened fine and failed only when its pixels
were read, far from the open: "aef: error: Read failed. See previous exception for details.", no file named (s56
mend). The error now names the file, says it is cut short and how to get it whole again."""
import pandas as pd
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def cut(tmp_path_factory):
    d = tmp_path_factory.mktemp("cut")
    e = embedding_from_array(random_unit((96, 96), seed=1))
    to_cog(e, d / "good.tif", overviews=False)
    to_cog(e, d / "cut.tif", overviews=False)
    with open(d / "cut.tif", "r+b") as f: f.truncate((d / "cut.tif").stat().st_size // 2)
    pd.DataFrame({"x": e.x.values[[1, 2, 60, 61]], "y": e.y.values[[1, 2, 60, 61]],
                  "label": [0, 0, 1, 1]}).to_csv(d / "lab.csv", index=False)
    return d, e


@pytest.mark.parametrize("cmd", ["similarity", "classify", "change"])
def test_the_cut_file_is_named(cut, cmd, capsys):
    d, e = cut
    args = {"similarity": ["--embeddings", str(d / "cut.tif"), f"--point={float(e.x[3])},{float(e.y[3])}",
                           "--crs", "EPSG:32631"],
            "classify": ["--embeddings", str(d / "cut.tif"), "--labels", str(d / "lab.csv"), "--crs", "EPSG:32631",
                         "--k", "1"],
            "change": ["--embeddings", str(d / "good.tif"), "--embeddings", str(d / "cut.tif")]}[cmd]
    assert main([cmd, *args, "--out", str(d / f"{cmd}.tif"), "--overwrite"]) == 2
    err = capsys.readouterr().err
    assert f"{d / 'cut.tif'} opens as a GeoTIFF but its pixels cannot be read" in err, err
    assert "cut short" in err and "download or write it again" in err and "See previous exception" not in err
