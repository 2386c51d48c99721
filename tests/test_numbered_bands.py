"""Band names `asset.N` (one asset, N = 1..64) are read by number: odc-stac loads a 64-band asset (the official GeoTIFF
of a STAC item without band names) as variables `data.1` .. `data.64` (`{asset}.{band index}`), which
`from_official` refused ('the dataset lacks bands A00..'), as the labels of a table or a band coordinate too."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import band_names
from alphaearth_nb.embeddings import as_embedding, band_order, from_official, query_array
from alphaearth_nb.geo import as_crs
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def canon():
    v = random_unit((4, 5), seed=7)
    v[2, 1] = np.nan
    return as_embedding(embedding_from_array(v))


def _odc_stac(canon, names):
    "What `odc.stac.load` gives for one item whose asset `data` is the 64-band int8 GeoTIFF (nodata -128)."
    q = quantize(canon.values)
    wkt = as_crs("EPSG:32631").to_wkt()
    sr = xr.DataArray(0, attrs={"crs_wkt": wkt, "spatial_ref": wkt})
    return xr.Dataset({n: (("time", "y", "x"), q[None, ..., i], {"nodata": -128}) for i, n in enumerate(names)},
                      coords={"time": pd.to_datetime(["2024-01-01"]), "y": canon.y.values, "x": canon.x.values,
                              "spatial_ref": sr})


@pytest.mark.parametrize("names", [[f"data.{i}" for i in range(1, 65)], [f"embedding.{i}" for i in range(1, 65)]])
@pytest.mark.parametrize("shuffle", [False, True])
def test_odc_stac_dataset(canon, names, shuffle):
    ds = _odc_stac(canon, names)
    if shuffle: ds = ds[[names[i] for i in np.random.default_rng(1).permutation(64)]]
    e = from_official(ds)
    assert e.dims == ("y", "x", "band") and list(e.band.values) == band_names()
    np.testing.assert_array_equal(np.isnan(e.values), np.isnan(canon.values))
    np.testing.assert_allclose(e.values, canon.values, atol=0.02)   # the int8 round trip
    lazy = from_official(ds.chunk({"x": 2})).compute()
    np.testing.assert_array_equal(lazy.values, e.values)
    arr = ds.to_dataarray("band")                          # `odc.stac.load(...).to_array('band')`
    np.testing.assert_array_equal(from_official(arr).values, e.values)


def test_numbered_labels_of_a_row_and_a_coordinate(canon):
    v = canon.values[0, 0]
    perm = np.random.default_rng(2).permutation(64)
    row = pd.Series(v[perm], index=[f"data.{i + 1}" for i in perm])
    np.testing.assert_array_equal(query_array(row), v)
    da = xr.DataArray(v[perm], dims="band", coords={"band": [f"data.{i + 1}" for i in perm]})
    np.testing.assert_array_equal(query_array(da), v)
    assert band_order([f"data.{i}" for i in range(1, 64)] + ["other.64"]) is None   # two prefixes: no scheme
