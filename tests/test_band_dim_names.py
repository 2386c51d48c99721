"""The dim that holds the 64 bands is read by its labels, whatever its name (kind A: one gate for every input form).

`ds.to_array()` (or `to_dataarray()`) of the official product as xee gives it, A00..A63 as variables, puts the bands
on a dim named `variable`; a table's columns turned into an array call it `feature`. Its labels say it holds the 64
bands, as `stacks.embedding_field` already reads it; `as_embedding`, `from_official`, the `.aef` methods and the
query gate refused it (DimensionError with the fix `da.rename({'dim_2': 'band'})`, a dim no such array has), and a
query vector on such a dim was read by position, its bands in the wrong order where the labels were."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((5, 6), seed=4))


def test_the_official_dataset_to_array_is_an_embedding(emb):
    ds = fake_official(emb)
    da = ds.to_dataarray()                                 # (variable, time, X, Y), variable = A00..A63
    assert "variable" in da.dims and "band" not in da.dims
    ref = emb.aef.similarity(emb.values[2, 3]).values
    for got in (aef.from_official(da), as_embedding(da.isel(time=0))):
        np.testing.assert_array_equal(got.transpose("y", "x", "band").values, emb.values)
    s = da.aef.similarity(emb.values[2, 3])                # a cube of one year: similarity per year
    np.testing.assert_allclose(s.isel(time=0).transpose("y", "x").values, ref, atol=1e-6)


@pytest.mark.parametrize("name", ["variable", "feature", "embedding"])
def test_a_band_dim_of_another_name_is_read_by_its_labels_in_any_order(emb, name):
    perm = np.random.default_rng(0).permutation(64)
    da = emb.isel(band=perm).rename(band=name)             # labels A00..A63 on the dim, bands shuffled
    got = as_embedding(da)
    np.testing.assert_array_equal(got.values, emb.values)
    pts = pd.DataFrame({"x": emb.x.values[[0, 5]], "y": emb.y.values[[0, 4]], "label": [1, 2]})
    np.testing.assert_array_equal(da.aef.classify(pts, k=1)["class"].values, emb.aef.classify(pts, k=1)["class"].values)
    q = emb.isel(y=2, x=3).isel(band=perm).rename(band=name)   # a query on such a dim: its labels, not positions
    assert float(emb.aef.similarity(q).values[2, 3]) == pytest.approx(1.0, abs=1e-6)


def test_an_unlabelled_64_long_dim_is_named_in_the_fix(emb):
    da = xr.DataArray(emb.values, dims=("y", "x", "feature"), coords={"y": emb.y, "x": emb.x}, attrs=emb.attrs)
    with pytest.raises(DimensionError, match=r"rename\(\{'feature': 'band'\}\)"):
        as_embedding(da)
    fixed = as_embedding(da.rename({"feature": "band"}))   # the fix it names works
    np.testing.assert_array_equal(fixed.values, emb.values)
