"""`pixels.read_once` keeps a lazy selection's values for the same map, not for any array of its dask name: xarray
names a zarr store's arrays by its path and the mtime of its top folder, which a write into a region leaves as it
was, so a store rewritten in place and opened again had the name of the first and its sample windows were read as
they were. The gate judged the old values, and a store emptied in place passed the doors' no-data refusal (its old
windows held values): NaN everywhere, silently."""

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.pixels import map_sample, read_once
from alphaearth_nb.testing import embedding_from_array, random_unit

N = 200


def _write(path, emb, region:bool):
    ds = emb.to_dataset(name="embedding").chunk({"y": 40, "x": 40})
    if region: ds.drop_vars(list(ds.coords)).to_zarr(path, region={"y": slice(0, N), "x": slice(0, N),
                                                                   "band": slice(0, 64)}, consolidated=False)
    else: ds.to_zarr(path, mode="w", consolidated=False)


def _open(path):
    return xr.open_zarr(path, consolidated=False)["embedding"]


def test_a_store_rewritten_in_place_is_read_anew(tmp_path):
    path = tmp_path / "emb.zarr"
    emb = embedding_from_array(random_unit((N, N), seed=7))
    _write(path, emb, region=False)
    first = read_once(map_sample(_open(path)))
    assert np.isfinite(first).all()
    _write(path, emb * 0.5, region=True)   # every value halved, in place
    again = map_sample(_open(path))
    np.testing.assert_allclose(read_once(again), again.values)   # was: the first read, twice the values
    np.testing.assert_allclose(read_once(again), first * 0.5)


def test_a_store_emptied_in_place_is_refused(tmp_path):
    path = tmp_path / "emb.zarr"
    emb = embedding_from_array(random_unit((N, N), seed=7))
    _write(path, emb, region=False)
    q = random_unit((1, 1), seed=3)[0, 0]
    assert aef.similarity(_open(path), q).chunks is not None   # data: read, passes
    _write(path, emb * np.nan, region=True)   # every value NaN, in place
    with pytest.raises(NoValidDataError, match="holds no data"):   # was: passed, NaN everywhere
        aef.similarity(_open(path), q)
