"""Newcomer s56 #20: a zarr on dims lat/lon (CF names, degree values) that records no CRS was asked for "EPSG:326NN"
(`evaluate_points.crs_fix_line` hard-coded it), a UTM zone for a map whose x/y are degrees. A map of degree values now
gets EPSG:4326 in the words and in the shell line, which runs as printed (nothing to fill in); the command then maps it.
A UTM map of no CRS keeps EPSG:326NN, and a tile of no CRS in a folder of tiles of one CRS gets the others' CRS."""
import re
import shlex
import subprocess
import sys

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.cli import main
from alphaearth_nb.evaluate_points import crs_fix_line, likely_crs
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rioxarray")


def _lonlat_store(path):
    e = embedding_from_array(random_unit((20, 20), seed=1),
                             coords={"y": 45.01 - 0.0001 * np.arange(20), "x": 5.99 + 0.0001 * np.arange(20)})
    e.attrs.pop("crs", None)
    e.rename(y="lat", x="lon").to_dataset(name="embedding").to_zarr(path)
    (path / ".aef-complete").write_text('{"complete": true, "what": "embedding store"}')


def test_likely_crs_degrees_only():
    deg = embedding_from_array(random_unit((4, 4), seed=0), coords={"y": 45.0 - 0.001 * np.arange(4), "x": 6.0 + 0.001 * np.arange(4)})
    utm = embedding_from_array(random_unit((4, 4), seed=0), coords={"y": 5e6 - 10 * np.arange(4), "x": 6e5 + 10 * np.arange(4)})
    assert likely_crs(deg.rename(y="lat", x="lon")) == "EPSG:4326" and likely_crs(deg) == "EPSG:4326"
    assert likely_crs(utm) is None
    assert '"EPSG:4326"' in crs_fix_line("e.zarr", "EPSG:4326") and "326NN" not in crs_fix_line("e.zarr", "EPSG:4326")
    assert '"EPSG:326NN"' in crs_fix_line("e.zarr")


def test_a_lonlat_store_of_no_crs_is_told_epsg_4326(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _lonlat_store(tmp_path / "ll.zarr")
    args = ["similarity", "--embeddings", "ll.zarr", "--point", "5.9905,45.0095", "--out", "m.tif"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "--embeddings ll.zarr records no CRS" in err and "EPSG:4326" in err, err
    assert "326NN" not in err, err   # no UTM zone asked of degrees
    line = re.search(r"`python (-c [^`]*)`", err).group(1)   # run as printed: nothing to fill in
    subprocess.run(["bash", "-c", f"{shlex.quote(sys.executable)} -W ignore {line}"], check=True)
    assert main([args[0], "--embeddings", "ll_crs.zarr", *args[3:]]) == 0, capsys.readouterr().err


def test_evaluate_of_a_lonlat_store_names_epsg_4326(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _lonlat_store(tmp_path / "ll.zarr")
    lab = xr.DataArray(np.repeat(np.arange(4), 100).reshape(20, 20).astype("int16"), dims=("lat", "lon"),
                       coords={"lat": 45.01 - 0.0001 * np.arange(20), "lon": 5.99 + 0.0001 * np.arange(20)}, name="label")
    lab.to_netcdf("lab.nc")
    assert main(["evaluate", "--embeddings", "ll.zarr", "--labels", "lab.nc", "--spacing", "10"]) == 2
    err = capsys.readouterr().err
    assert "record no CRS" in err and '"EPSG:4326"' in err and "326NN" not in err, err


def test_a_utm_tile_of_no_crs_beside_others_gets_their_crs(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f").mkdir()
    for i, name in enumerate(["a.tif", "b.tif"]):
        e = embedding_from_array(random_unit((20, 20), seed=i),
                                 coords={"y": 5000000.0 - 5 - 10 * np.arange(20), "x": 600005.0 + 200 * i + 10 * np.arange(20)})
        e.attrs["crs"] = "EPSG:32631"
        e.aef.to_cog(tmp_path / "f" / name)
    e = embedding_from_array(random_unit((20, 20), seed=5),
                             coords={"y": 5000000.0 - 5 - 10 * np.arange(20), "x": 600405.0 + 10 * np.arange(20)})
    e.attrs.pop("crs", None)
    e.transpose("band", "y", "x").rio.to_raster(tmp_path / "f" / "c.tif")
    assert main(["similarity", "--embeddings", "f", "--point", "600055,4999955", "--crs", "EPSG:32631", "--out", "m.tif"]) == 2
    err = capsys.readouterr().err
    assert "record" in err and 'd.crs = "EPSG:32631"' in err and "326NN" not in err.split("e.g.")[1], err


def test_evaluate_of_points_on_a_lonlat_store_gets_the_shell_line(tmp_path, capsys, monkeypatch):
    "Points (a table) on a map of no CRS: was Python's words, `emb.attrs['crs'] = ...`; now the shell line, run as printed."
    monkeypatch.chdir(tmp_path)
    _lonlat_store(tmp_path / "ll.zarr")
    rows = [(5.99 + 0.0001 * c + 0.00005, 45.01 - 0.0001 * r - 0.00005, "ab"[c >= 10]) for r in (2, 8, 14) for c in (1, 3, 5, 12, 15, 18)]
    (tmp_path / "pts.csv").write_text("lon,lat,label\n" + "".join(f"{x},{y},{k}\n" for x, y, k in rows))
    args = ["evaluate", "--labels", "pts.csv", "--spacing", "0", "--shots", "3", "--folds", "3"]
    assert main([*args, "--embeddings", "ll.zarr"]) == 2
    err = capsys.readouterr().err
    assert "--embeddings ll.zarr records no CRS" in err and "emb.attrs" not in err and "326NN" not in err, err
    line = re.search(r"`python (-c [^`]*)`", err).group(1)
    subprocess.run(["bash", "-c", f"{shlex.quote(sys.executable)} -W ignore {line}"], check=True)
    assert main([*args, "--embeddings", "ll_crs.zarr"]) == 0, capsys.readouterr().err
