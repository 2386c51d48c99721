"""Newcomer s53 item 10: an embedding store of no CRS given to `aef similarity/classify/change --embeddings` was told
the Python fix only ("set it, e.g. `emb.attrs['crs'] = 'EPSG:326NN'`"), which the shell cannot run. Each map command
now names the --embeddings that records none and a shell line writing a copy with the CRS; run as written (the
zone filled in), the command then maps it."""
import re
import shlex
import subprocess
import sys

import numpy as np
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rioxarray")


def _store(path):
    e = embedding_from_array(random_unit((20, 20), seed=1),
                             coords={"y": 5000000.0 - 5 - 10 * np.arange(20), "x": 600005.0 + 10 * np.arange(20)})
    e.attrs.pop("crs", None)
    e.to_dataset(name="embedding").to_zarr(path)
    return path


@pytest.mark.parametrize("cmd", ["similarity", "classify"])
def test_a_store_of_no_crs_gets_a_shell_line_that_mends_it(tmp_path, capsys, monkeypatch, cmd):
    monkeypatch.chdir(tmp_path)
    _store("e.zarr")
    more = (["--point", "600055,4999955", "--crs", "EPSG:32631"] if cmd == "similarity" else
            ["--labels", "pts.csv", "--crs", "EPSG:32631"])
    if cmd == "classify":
        (tmp_path / "pts.csv").write_text("x,y,label\n600015,4999995,1\n600035,4999975,1\n600155,4999855,2\n"
                                          "600175,4999835,2\n")
    assert main([cmd, "--embeddings", "e.zarr", *more, "--out", "m.tif"]) == 2
    err = capsys.readouterr().err
    assert "--embeddings e.zarr records no CRS" in err and "emb.attrs" not in err, err
    line = re.search(r"`python (-c [^`]*)`", err).group(1).replace("326NN", "32631")   # quoted for the shell (de0580e2)
    subprocess.run(["bash", "-c", f"{shlex.quote(sys.executable)} -W ignore {line}"], check=True)
    assert "then --embeddings e_crs.zarr" in err
    assert main([cmd, "--embeddings", "e_crs.zarr", *more, "--out", "m.tif"]) == 0, capsys.readouterr().err
