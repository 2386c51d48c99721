"read_cog and open_zarr give int8 codes that are no embedding (all 0, one code everywhere) as no data, as every reader."
import warnings

import numpy as np
import pytest
import zarr

from alphaearth_nb import exports
from alphaearth_nb.quantize import dequantize
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rioxarray")


def _codes():
    "A 5 x 6 quantised map: (2, 2) all codes 0 (the zero vector, field case A3), (0, 1) code 5 in every band."
    q = embedding_from_array(random_unit((5, 6), 3)).aef.quantize()
    q.values[2, 2], q.values[0, 1] = 0, 5
    return q


def _check(got, q):
    v = got.sel(y=q.y, x=q.x).transpose("y", "x", "band").values
    assert np.isnan(v[2, 2]).all() and np.isnan(v[0, 1]).all()
    keep = np.ones((5, 6), bool); keep[2, 2] = keep[0, 1] = False
    np.testing.assert_array_equal(v[keep], dequantize(q.values)[keep])


def test_read_cog_of_int8_codes(tmp_path):
    """An int8 GeoTIFF of the official layout written by another tool (rioxarray) with a pixel of codes all 0 and one
    of a single code: read_cog gave a zero vector and a constant one (0.0015 in every band), though it documents NaN
    no data and its float path made them NaN. Right: NaN, the other pixels decoded as they are."""
    q = _codes()
    p = tmp_path / "codes.tif"
    q.transpose("band", "y", "x").rio.write_crs("EPSG:32631").rio.to_raster(p)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _check(exports.read_cog(p), q)


def test_open_zarr_of_int8_codes(tmp_path):
    "The same pixels in an int8 store (a store `to_zarr` wrote, its codes changed by another tool): NaN, not vectors."
    q = _codes()
    clean = q.copy(); clean.values[2, 2], clean.values[0, 1] = q.values[1, 1], q.values[1, 2]
    store = tmp_path / "emb.zarr"
    exports.to_zarr(clean, store)
    arr = zarr.open_array(str(store / "embedding"), mode="r+")
    v = arr[:]; v[2, 2], v[0, 1] = 0, 5; arr[:] = v
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _check(exports.open_zarr(store).compute(), q)
