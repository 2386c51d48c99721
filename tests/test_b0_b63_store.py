"""Newcomer s56 #9 (left by s56 nc): a zarr of 64 variables `b0` .. `b63` (a user's own names, numbered from 0) was
refused by Python ("works on an embedding ..., not on a Dataset stack: embed it first") and by the CLI ("a map of one
value a pixel ('b0')"): `bN` was read 1-based only (Earth Engine's b1..b64), so b0 named no band. Names of a 1-based
scheme that run 0..63 are now read from 0, as band_1..band_64 and b1..b64 are read from 1: Python and the CLI map the
store as its A00..A63 twin, in either variable order."""
import warnings

import numpy as np
import pytest
import rioxarray  # noqa: F401  (the .rio accessor)
import xarray as xr

from alphaearth_nb import analysis
from alphaearth_nb.band_labels import band_order
from alphaearth_nb.cli import main
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_names_from_zero_read_from_zero():
    assert band_order([f"b{i}" for i in range(64)]) == list(range(64))
    assert band_order([f"b{i + 1}" for i in range(64)]) == list(range(64))   # Earth Engine's, as before
    assert band_order([f"band_{i}" for i in range(64)]) == list(range(64))
    assert band_order([f"b{i}" for i in range(1, 65)][::-1]) == list(range(63, -1, -1))


def test_b0_b63_store_is_mapped_by_python_and_the_cli(tmp_path, capsys):
    pytest.importorskip("zarr")
    e = embedding_from_array(random_unit((8, 10), seed=1))
    ds = xr.Dataset({f"b{i}": e.isel(band=i, drop=True) for i in np.random.default_rng(0).permutation(64)},
                    attrs={"crs": "EPSG:32631"})
    ds.to_zarr(tmp_path / "b.zarr")
    e.to_dataset(name="embedding").to_zarr(tmp_path / "a.zarr")
    x, y = float(e.x[3]), float(e.y[4])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = analysis.similarity(e, (x, y), crs="EPSG:32631").values
        np.testing.assert_allclose(xr.open_zarr(tmp_path / "b.zarr").aef.similarity((x, y), crs="EPSG:32631").values,
                                   want, atol=1e-6)
    for name in ("a", "b"):
        rc = main(["similarity", "--embeddings", str(tmp_path / f"{name}.zarr"), "--point", f"{x},{y}", "--crs",
                   "EPSG:32631", "--out", str(tmp_path / f"{name}.tif")])
        assert rc == 0, capsys.readouterr().err
    got = [rioxarray.open_rasterio(tmp_path / f"{n}.tif").values for n in ("a", "b")]
    np.testing.assert_array_equal(got[0], got[1])
    np.testing.assert_allclose(got[1][0], want, atol=1e-6)
