"""`aef evaluate --embeddings <store of no CRS> --labels samples --spacing 50` was told a Python fix only ("write the
embeddings with their CRS"), with no line the shell runs (newcomer s53), where `aef classify/similarity/change` give
one. It now gives the map commands' line (`evaluate_points.crs_fix_line`); run as printed (the zone filled in), the
evaluation then runs on the copy."""
import re
import subprocess
import sys

from alphaearth_nb.cli import main
from alphaearth_nb.command_inputs import open_stack
from alphaearth_nb.geo import crs_of
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_store_of_no_crs_gets_the_shell_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree = open_stack("samples")
    ds, crs = tree["sentinel2"].to_dataset(), crs_of(tree)
    e = embedding_from_array(random_unit((ds.sizes["y"], ds.sizes["x"]), seed=1),
                             coords={"y": ds["y"].values, "x": ds["x"].values})
    e.attrs.pop("crs", None)
    e.attrs.update(period_start="2024-01-01", period_end="2024-12-31")   # the year of the sample labels
    e.to_dataset(name="embedding").to_zarr("e.zarr")
    args = ["evaluate", "--labels", "samples", "--spacing", "50"]
    assert main([*args, "--embeddings", "e.zarr"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "--spacing 0" in err and "then --embeddings e_crs.zarr" in err, err
    line = re.search(r"`(python -c '[^`]*')`", err).group(1).replace("EPSG:326NN", crs)
    subprocess.run(["bash", "-c", sys.executable + line[len("python"):]], check=True)
    assert main([*args, "--embeddings", "e_crs.zarr"]) == 0, capsys.readouterr().err
