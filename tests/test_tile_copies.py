"""A folder of GeoTIFFs with two files over the same pixels of one year (a re-download `name (1).tif`, a `_copy.tif`)
beside a true neighbour tile was joined by `xr.combine_by_coords`, which kept one of the two silently: the map held
whichever file's name sorted last (the newcomer of s56, #1). Now files over the same pixels are compared there:
the same vectors -> read once, a `FileWarning` naming the copy; different vectors -> `DimensionError` naming both."""
import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xarray as xr

rioxarray = pytest.importorskip("rioxarray")

from alphaearth_nb.cli import main
from alphaearth_nb.core import DimensionError, FileWarning
from alphaearth_nb.derived_maps import tif_folder


def _tile(path:Path, col:int, seed:int) -> None:
    v = np.random.default_rng(seed).normal(size=(64, 4, 4)).astype(np.float32)
    v /= np.linalg.norm(v, axis=0, keepdims=True)
    x0, y0 = 500000 + col * 40, 5000000
    da = xr.DataArray(v, dims=("band", "y", "x"), coords={"band": np.arange(1, 65), "y": y0 - 10 * np.arange(4) - 5.,
                                                          "x": x0 + 10 * np.arange(4) + 5.})
    da.rio.write_crs("EPSG:32631").rio.to_raster(path)


@pytest.fixture
def pair(tmp_path):
    d = tmp_path / "ee"; d.mkdir()
    _tile(d / "aef_2024-0000000000-0000000000.tif", 0, 0); _tile(d / "aef_2024-0000000000-0000000004.tif", 1, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return d, tif_folder(d, "similarity").load()


@pytest.mark.parametrize("name", ["aef_2024-0000000000-0000000000 (1).tif", "aef_2024-0000000000-0000000000_copy.tif",
                                  "aef_2024-0000000000-0000000004 (1).tif"])
def test_a_copy_of_a_tile_is_read_once_and_said(pair, name):
    d, want = pair
    shutil.copy(d / (name[:30] + ".tif"), d / name)
    with pytest.warns(FileWarning, match=r"holds the same pixels and vectors as aef_2024-0000000000-000000000[04]\.tif"):
        got = tif_folder(d, "similarity")
    xr.testing.assert_identical(got.load().drop_attrs(), want.drop_attrs())


@pytest.mark.parametrize("name", ["aef_2024-0000000000-0000000000 (1).tif", "aef_2024-0000000000-0000000000_copy.tif",
                                  "aef_2024-0000000000-0000000000_z.tif"])
def test_another_tile_over_the_same_pixels_is_refused_naming_both(pair, name):
    d, _ = pair
    _tile(d / name, 0, 7)   # the same pixels, other vectors (another year's tile, renamed)
    with pytest.raises(DimensionError) as e:
        tif_folder(d, "similarity")
    said = str(e.value)
    assert name in said and "aef_2024-0000000000-0000000000.tif" in said and "different vectors" in said
    assert "x 500005..500035" in said and "move the one" in said


def test_cli_refuses_and_reads_once(pair, tmp_path, capsys):
    d, want = pair
    pd.DataFrame({"x": [500015.], "y": [4999985.]}).to_csv(tmp_path / "p.csv", index=False)
    _tile(d / "aef_2024-0000000000-0000000000 (1).tif", 0, 7)
    args = ["similarity", "--embeddings", str(d), "--points", str(tmp_path / "p.csv"), "--crs", "EPSG:32631"]
    assert main([*args, "--out", str(tmp_path / "a.tif")]) == 2
    assert "(1).tif" in capsys.readouterr().err
    shutil.copy(d / "aef_2024-0000000000-0000000000.tif", d / "aef_2024-0000000000-0000000000 (1).tif")
    with pytest.warns(FileWarning):
        assert main([*args, "--out", str(tmp_path / "b.tif")]) == 0
