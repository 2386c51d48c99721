"""A lazy map judged empty and then filled in place is read anew when opened again: `empty_maps` keeps a lazy map's
answer for that array (its dask graph), not for any array of its dask name. xarray names a zarr store's arrays by its
path and the mtime of its top folder, which a write into a region (`to_zarr(region=...)`) leaves as it was, so the
store opened again after such a write had the name of the empty one and was refused as holding no data."""
import warnings

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.testing import embedding_from_array, random_unit


def _store(path, n=200):
    "An all-NaN n x n map written to zarr in 40 x 40 chunks, larger than its nine sample windows."
    assert len(aef.gate.window_rows(n)) < n
    emb = embedding_from_array(random_unit((n, n), seed=7)) * np.nan
    emb.to_dataset(name="embedding").chunk({"y": 40, "x": 40}).to_zarr(path, mode="w", consolidated=False)
    return emb


def _open(path):
    return xr.open_zarr(path, consolidated=False)["embedding"]


def _fill_last_rows(path, emb, n=200):
    "Rows n-2, n-1 given values (outside the sample windows), written in place into the store's last row of chunks."
    part = (emb.isel(y=slice(n - 40, n)) * np.nan).fillna(0.0)
    part = part.where(np.arange(n - 40, n)[:, None, None] >= n - 2)   # NaN but the last two rows
    ds = part.to_dataset(name="embedding").drop_vars(list(part.coords))
    ds.chunk({"y": 40, "x": 40}).to_zarr(path, region={"y": slice(n - 40, n), "x": slice(0, n), "band": slice(0, 64)},
                                         consolidated=False)


def test_a_store_filled_in_place_and_opened_again_is_read_anew(tmp_path):
    path = tmp_path / "emb.zarr"
    emb = _store(path)
    q = random_unit((1, 1), seed=3)[0, 0]
    with pytest.raises(NoValidDataError, match="holds no data"):
        aef.similarity(_open(path), q)   # empty: refused, its answer kept
    _fill_last_rows(path, emb)
    again = _open(path)
    assert np.isnan(aef.gate.map_sample(again).values).all()   # the windows still hold no value: its chunks decide
    assert int(again.isel(band=0).notnull().sum()) == 2 * 200   # the rows written
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # 64 x 0.0 is no embedding: the gate's warning
        s = aef.similarity(again, q)   # was: NoValidDataError, the empty store's answer
    assert s.chunks is not None   # still lazy


def test_the_same_lazy_map_is_still_read_once(tmp_path):
    "The kept answer still spares a second door on the same array object its whole read."
    path = tmp_path / "emb.zarr"
    _store(path)
    m = _open(path)
    reads = []
    def read(b):
        reads.append(b.shape)
        return b
    m = m.copy(data=m.data.map_blocks(read, dtype=m.dtype))
    q = random_unit((1, 1), seed=3)[0, 0]
    with pytest.raises(NoValidDataError):
        aef.similarity(m, q)
    first = len(reads)
    assert first >= 25, first
    with pytest.raises(NoValidDataError):
        aef.similarity(m, q)
    assert len(reads) == first, (first, len(reads))
