"""An official int8 embedding GeoTIFF whose bands carry a GDAL scale of 1/127.5 (offset 0), the way some tools tag the
int8 codes (q / 127.5 is the square root of each component): every door reads the same unit vectors as without the
tag (the official de-quantisation, AEF.md section 3), read raw or with rioxarray's mask_and_scale=True (the values
already scaled floats). Was (field cases A1-h46a/b): read_official_tiff, from_official(rioxarray.open_rasterio(...))
and as_embedding read the whole tile as NaN ('30 of 30 pixels are not embedding vectors'), while read_cog read it
right. A linear scale (int8 x100 with scale 0.01) is still a linear scale."""
import warnings

import numpy as np
import pytest
import rasterio
import xarray as xr

from alphaearth_nb import exports
from alphaearth_nb.embeddings import as_embedding, from_official, read_official_tiff
from alphaearth_nb.quantize import dequantize
from alphaearth_nb.testing import embedding_from_array, random_unit

rioxarray = pytest.importorskip("rioxarray")


def _tif(p, a, dtype="int8", scale=1 / 127.5, nodata=-128):
    "A (y, x, 64) array written as a 64-band GeoTIFF with band scale `scale` (offset 0), as another tool tags it."
    t = embedding_from_array(a).transpose("band", "y", "x").rio.write_crs("EPSG:32631")
    t.attrs = {}
    t.rio.write_nodata(nodata, inplace=True)
    t.astype(dtype).rio.to_raster(p)
    with rasterio.open(p, "r+") as f:
        f.scales, f.offsets = (scale,) * 64, (0.0,) * 64
    return p


@pytest.fixture(scope="module")
def tile(tmp_path_factory):
    q = np.asarray(embedding_from_array(random_unit((5, 6), 3)).aef.quantize().values)
    q[1, 2] = -128   # one pixel of no data
    return _tif(tmp_path_factory.mktemp("tag") / "tagged.tif", q), q


DOORS = {"read_official_tiff": lambda p: read_official_tiff(p),
         "read_official_tiff lazy": lambda p: read_official_tiff(p, chunks={"y": 2}).compute(),
         "from_official raw": lambda p: from_official(rioxarray.open_rasterio(p)),
         "from_official mask_and_scale": lambda p: from_official(rioxarray.open_rasterio(p, mask_and_scale=True)),
         "from_official open_dataset": lambda p: from_official(xr.open_dataset(p, engine="rasterio")),
         "from_official band_as_variable": lambda p: from_official(rioxarray.open_rasterio(p, band_as_variable=True)),
         "as_embedding raw": lambda p: as_embedding(rioxarray.open_rasterio(p)),
         "as_embedding mask_and_scale": lambda p: as_embedding(rioxarray.open_rasterio(p, mask_and_scale=True)),
         "read_cog": lambda p: exports.read_cog(p)}


@pytest.mark.parametrize("door", list(DOORS))
def test_tagged_codes_read_as_the_official_vectors(tile, door):
    p, q = tile
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)   # nothing refused, nothing rescaled: no warning of the gate
        got = DOORS[door](p)
    v = got.transpose("y", "x", "band").values
    want = dequantize(q)
    assert np.isnan(v[1, 2]).all()
    keep = np.ones((5, 6), bool)
    keep[1, 2] = False
    np.testing.assert_allclose(v[keep], want[keep], atol=1e-6)


def test_int16_codes_tagged_so_too(tmp_path):
    "The codes kept in int16 under the same tag: the same vectors (read_cog unpacked them linearly: all refused)."
    q = np.asarray(embedding_from_array(random_unit((4, 3), 5)).aef.quantize().values).astype(np.int16)
    p = _tif(tmp_path / "i16.tif", q, dtype="int16")
    for read in (exports.read_cog, read_official_tiff):
        np.testing.assert_allclose(read(p).values, dequantize(q.astype(np.int8)), atol=1e-6)


def test_a_linear_scale_stays_linear(tmp_path):
    "int8 values of unit vectors x100 tagged with scale 0.01: their values, not codes."
    u = random_unit((4, 3), 7)
    p = _tif(tmp_path / "x100.tif", np.round(u * 100), scale=0.01)
    for door in ("from_official raw", "from_official mask_and_scale", "as_embedding raw"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = DOORS[door](p).transpose("y", "x", "band").values
        cos = (v * u).sum(-1) / np.linalg.norm(v, axis=-1)
        assert (cos > 0.999).all(), (door, cos.min())
