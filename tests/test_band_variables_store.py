"""A zarr of 64 variables `band_1` .. `band_64` (what `rioxarray.open_rasterio(tif, band_as_variable=True)` gives
for a GeoTIFF without band names, saved with `to_zarr`) was read by Python's accessor and refused by the CLI as
"a map of one value a pixel ('band_1')" (the newcomer of s56, #9). The command now reads it as Python does."""
import warnings

import numpy as np
import pytest
import rioxarray

from alphaearth_nb import analysis
from alphaearth_nb.cli import main
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_band_variables_store_is_mapped_as_python_maps_it(tmp_path, capsys):
    pytest.importorskip("zarr")
    e = embedding_from_array(random_unit((8, 10), seed=1))
    e.transpose("band", "y", "x").rio.to_raster(tmp_path / "plain.tif")   # no band names: band_1 .. band_64
    ds = rioxarray.open_rasterio(tmp_path / "plain.tif", band_as_variable=True)
    assert list(ds.data_vars)[:2] == ["band_1", "band_2"]
    ds.to_zarr(tmp_path / "bav.zarr")
    x, y = float(e.x[3]), float(e.y[4])
    rc = main(["similarity", "--embeddings", str(tmp_path / "bav.zarr"), "--point", f"{x},{y}", "--crs", "EPSG:32631",
               "--out", str(tmp_path / "s.tif")])
    assert rc == 0, capsys.readouterr().err
    got = rioxarray.open_rasterio(tmp_path / "s.tif").squeeze("band", drop=True).values
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = analysis.similarity(ds, (x, y), crs="EPSG:32631").values
    np.testing.assert_allclose(got, want, atol=1e-6)
