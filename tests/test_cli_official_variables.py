"""aef evaluate --embeddings reads a file of the official product as xee gives it (A00..A63, one variable each) saved
with `ds.to_netcdf` / `ds.to_zarr`, as Python's `as_embedding` reads that Dataset. Was: 'holds 64 data variables
['A00', ...]: pass --embeddings-var NAME to pick one, e.g. --embeddings-var A00' (one band of 64), exit 2."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import band_names
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rioxarray")


def test_a_saved_xee_dataset_scores_as_the_store_of_its_vectors(tmp_path, evaluate_cli):
    e = embedding_from_array(random_unit((12, 10), seed=1))
    rng = np.random.default_rng(0)
    r, c = rng.integers(0, 12, 40), rng.integers(0, 10, 40)
    pd.DataFrame({"x": e.x.values[c], "y": e.y.values[r], "label": np.where(c < 5, 11, 22)}).to_csv(
        tmp_path / "p.csv", index=False)
    labels = ("--labels", str(tmp_path / "p.csv"))
    e.rio.write_crs(e.attrs["crs"]).to_dataset(name="embedding").to_netcdf(tmp_path / "e.nc")   # one variable
    rc, want, err = evaluate_cli("--embeddings", str(tmp_path / "e.nc"), *labels)
    assert rc == 0, err
    ds = xr.Dataset({b: e.sel(band=b).drop_vars("band") for b in band_names()}).rio.write_crs(e.attrs["crs"])
    ds.to_netcdf(tmp_path / "xee.nc")
    ds.to_zarr(tmp_path / "xee.zarr", consolidated=False)
    for store in ("xee.nc", "xee.zarr"):
        rc, got, err = evaluate_cli("--embeddings", str(tmp_path / store), *labels)
        assert rc == 0 and "--embeddings-var" not in err, err
        assert got == want, store
    q = quantize(e.values)   # the product's int8 codes for one year (time of 1), as xee reads a year
    codes = xr.Dataset({b: (("time", "y", "x"), np.asarray(q)[None, ..., i]) for i, b in enumerate(band_names())},
                       coords={"time": pd.to_datetime(["2024-01-01"]), "y": e.y, "x": e.x}).rio.write_crs(e.attrs["crs"])
    codes.to_netcdf(tmp_path / "codes.nc")
    rc, got, err = evaluate_cli("--embeddings", str(tmp_path / "codes.nc"), *labels)
    assert rc == 0 and "--embeddings-var" not in err, err
    rc, stored, err = evaluate_cli("--embeddings", str(to_zarr(e, tmp_path / "e.zarr")), *labels)   # codes, too
    assert rc == 0 and got == stored, err
