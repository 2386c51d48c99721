"""A GeoTIFF of unit vectors x10000 as int16 (a common export) given to a mapping command: was the gate's warning with
a Python fix, then 'sample: `emb` holds no data ... Check the area and the year read ... `emb.where(...)`' (Python
words, the wrong reason); now one error naming the scale, with the shell line that writes the map divided."""
import shlex
import subprocess
import sys

import numpy as np
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rioxarray")


def test_int16_x10000_is_refused_with_the_shell_fix(tmp_path, capsys, monkeypatch):
    e = embedding_from_array(random_unit((12, 10), seed=1))
    x = (e * 10000).round().astype(np.int16).transpose("band", "y", "x").rio.write_crs(e.attrs["crs"])
    x.rio.write_nodata(-32768).rio.to_raster(tmp_path / "x10000.tif")
    monkeypatch.chdir(tmp_path)
    x0, y0 = float(e.x[3]), float(e.y[3])
    rc = main(["similarity", "--embeddings", "x10000.tif", "--point", f"{x0},{y0}", "--crs", str(e.attrs["crs"]),
               "--out", "s.tif"])
    err = capsys.readouterr().err
    assert rc == 2, err
    assert "scaled by 10000" in err and "Check the area" not in err and "emb.where" not in err, err
    assert "NoDataWarning" not in err, err   # refused before the read that warns in Python words
    line = err.split("`python -c ")[1].split("`, then pass x10000_unit.tif as --embeddings")[0]
    subprocess.run([sys.executable, "-c", shlex.split(line)[0]], check=True, cwd=tmp_path)   # the printed line works
    rc = main(["similarity", "--embeddings", "x10000_unit.tif", "--point", f"{x0},{y0}", "--crs", str(e.attrs["crs"]),
               "--out", "s.tif"])
    assert rc == 0, capsys.readouterr().err
