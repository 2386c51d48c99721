"""A folder of untagged tiles named by their pixel offsets (`emb_0_2048.tif`, as tiling tools name them) was read
as years 2048 where some names held the number: a DimensionError ('GeoTIFFs of 2048 and 1 that records no year'),
or every tile dated 2048. Years are read from names only up to this year, and only where every untagged file
names one; Earth Engine exports (`embedding_2023.tif`) still read their years."""
import warnings
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

rioxarray = pytest.importorskip("rioxarray")

from alphaearth_nb.derived_maps import name_year, tif_folder
from alphaearth_nb.core import TimeWarning


def _tile(path:Path, row:int, col:int, seed:int) -> None:
    v = np.random.default_rng(seed).normal(size=(64, 4, 4)).astype(np.float32)
    v /= np.linalg.norm(v, axis=0, keepdims=True)
    x0, y0 = 500000 + col * 40, 5000000 - row * 40
    da = xr.DataArray(v, dims=("band", "y", "x"), coords={"band": np.arange(1, 65), "y": y0 - 10 * np.arange(4) - 5.,
                                                          "x": x0 + 10 * np.arange(4) + 5.})
    da.rio.write_crs("EPSG:32631").rio.to_raster(path)


def test_offsets_are_no_years():
    assert name_year("emb_0_2048.tif") is None and name_year("emb_2048_2048.tif") is None
    assert name_year("embedding_2023.tif") == 2023 and name_year("AEF_2024_31N.tif") == 2024


def test_offset_tiles_join_into_one_map(tmp_path):
    d = tmp_path / "tiles"; d.mkdir()
    for r in (0, 1):
        for c in (0, 1):
            _tile(d / f"emb_{r * 2048}_{c * 2048}.tif", r, c, 2 * r + c)
    with warnings.catch_warnings():
        warnings.simplefilter("error", TimeWarning)   # no year read from an offset
        m = tif_folder(d, "evaluate")
    assert "time" not in m.dims and m.sizes["y"] == 8 and m.sizes["x"] == 8


def test_a_folder_where_one_name_holds_no_year_reads_no_name(tmp_path):
    d = tmp_path / "tiles"; d.mkdir()
    _tile(d / "emb_2019.tif", 0, 0, 0); _tile(d / "emb_a.tif", 0, 1, 1)   # one number in 2017..now, one name of none
    with warnings.catch_warnings():
        warnings.simplefilter("error", TimeWarning)
        m = tif_folder(d, "evaluate")
    assert "time" not in m.dims and m.sizes["x"] == 8
