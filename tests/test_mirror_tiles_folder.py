"""`aef evaluate --embeddings` of a folder of tiles copied from a mirror (rows stored bottom-up, as the mirrors store
them) gives a line that makes one map of them and runs: `rio merge` and `gdalbuildvrt`, which it named, refuse
'upside down' rasters (rasterio's MergeError). North-up tiles (`to_cog`'s) keep the rio merge advice
(tests/test_evaluate_tiles_folder)."""
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.exports import open_zarr

pytest.importorskip("rioxarray")


def test_bottom_up_tiles_get_a_line_that_runs(tmp_path, capsys):
    from alphaearth_nb.local_mirror import build_local_mirror
    m = build_local_mirror(tmp_path / "m", years=(2024,), size=64)
    tiles = tmp_path / "tiles"
    tiles.mkdir()
    for t in sorted((m.root / "2024" / "31N").glob("*.tiff")): shutil.copy(t, tiles)
    assert main(["evaluate", "--embeddings", str(tiles)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "stored bottom-up" in err and "rio merge" in err and f"{tiles}/*.tif`" not in err, err
    line = shlex.split(re.search(r"`python -c (.+?)` \(their rows", err)[1])[0]
    r = subprocess.run([sys.executable, "-c", line], capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert r.returncode == 0, r.stderr[-2000:]
    e = open_zarr(f"{tiles}.zarr")
    assert dict(e.sizes) == {"y": 64, "x": 128, "band": 64} and float(e.y[0]) > float(e.y[-1])   # both, north-up
