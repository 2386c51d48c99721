"""An official GeoTIFF read by rioxarray whose bands were reordered in xarray keeps each band's own label.

rioxarray gives the bands the file's numbers 1..64 as the `band` coordinate and the file's descriptions A00..A63,
in the file's order, in `attrs['long_name']`; `isel`/`sel`/`sortby` over `band` reorder the data and the numbers but
keep attrs as they were. The descriptions were then read by position: after `da.isel(band=slice(None, None, -1))`
the band holding A63 was labelled A00, and every vector of `from_official`, `as_embedding` and `.aef` was another,
without a word. Right: file band N is the Nth description, wherever it now stands."""
import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import band_names
from alphaearth_nb.quantize import dequantize
from alphaearth_nb.testing import random_unit

rasterio = pytest.importorskip("rasterio")
rioxarray = pytest.importorskip("rioxarray")


@pytest.fixture(scope="module")
def tile(tmp_path_factory):
    "A 4 x 5 int8 tile as the official product stores it (bottom-up rows, -128 no data, descriptions A00..A63)."
    from affine import Affine
    q = np.asarray(aef.quantize(random_unit((4, 5), seed=3)))   # north-first rows (y, x, band)
    p = tmp_path_factory.mktemp("tiff") / "tile.tif"
    with rasterio.open(p, "w", driver="GTiff", width=5, height=4, count=64, dtype="int8", nodata=-128,
                       crs="EPSG:32631", transform=Affine(10, 0, 500000, 0, 10, 5000000)) as d:
        d.write(q.transpose(2, 0, 1)[:, ::-1])
        for i in range(64): d.set_band_description(i + 1, f"A{i:02d}")
    return p, np.asarray(dequantize(q))


@pytest.mark.parametrize("pick", ["reversed", "first_two_swapped", "sortby"])
def test_bands_reordered_in_xarray_keep_their_labels(tile, pick):
    p, want = tile
    da = rioxarray.open_rasterio(p)
    assert da.attrs["long_name"][:2] == ("A00", "A01") and da.band.values[:2].tolist() == [1, 2]
    moved = {"reversed": lambda d: d.isel(band=slice(None, None, -1)),
             "first_two_swapped": lambda d: d.sel(band=[2, 1, *range(3, 65)]),
             "sortby": lambda d: d.sortby("band", ascending=False)}[pick](da)
    e = aef.from_official(moved)
    np.testing.assert_allclose(e.values, want, atol=1e-7)   # was: max error 0.63 (A63's values as A00)
    np.testing.assert_allclose(e.sel(band="A00").values, want[..., 0], atol=1e-7)
    np.testing.assert_allclose(aef.embeddings.as_embedding(moved).sortby("y", ascending=False).values, want, atol=1e-7)
    s = moved.aef.similarity(want[1, 2])
    assert float(s.sel(x=500025.0, y=float(e.y[1]))) == pytest.approx(1.0)


def test_a_file_of_another_band_order_reordered_again_reads_each_band_by_its_number():
    v = random_unit((2, 3), seed=1)
    da = xr.DataArray(v, dims=("y", "x", "band"), coords={"band": np.arange(1, 65)},
                      attrs={"long_name": tuple(band_names()[::-1])})   # a file whose band 1 is A63
    np.testing.assert_allclose(aef.bands.label_bands(da).values, v[..., ::-1])
    np.testing.assert_allclose(aef.bands.label_bands(da.isel(band=slice(None, None, -1))).values, v[..., ::-1])


@pytest.fixture(scope="module")
def masked_file(tmp_path_factory):
    "A 65-band GeoTIFF: band 1 a mask, bands 2..65 the embedding bands in a shuffled order, each described."
    from affine import Affine
    q = np.asarray(aef.quantize(random_unit((3, 4), seed=5)))
    order = np.random.default_rng(1).permutation(64)   # file band k + 2 holds A{order[k]}
    p = tmp_path_factory.mktemp("tiff") / "mask_and_bands.tif"
    with rasterio.open(p, "w", driver="GTiff", width=4, height=3, count=65, dtype="int8", nodata=-128,
                       crs="EPSG:32631", transform=Affine(10, 0, 500000, 0, -10, 5000000)) as d:
        d.write(np.concatenate([np.ones((1, 3, 4), np.int8), q.transpose(2, 0, 1)[order]]))
        d.set_band_description(1, "mask")
        for k in range(64): d.set_band_description(k + 2, f"A{order[k]:02d}")
    return p, np.asarray(dequantize(q))


def test_64_bands_of_a_file_of_more_are_read_by_their_descriptions(masked_file):
    p, want = masked_file
    da = rioxarray.open_rasterio(p)
    for sub in (da.sel(band=slice(2, 65)), da.isel(band=slice(1, None)), da.isel(band=slice(1, None))[::-1]):
        np.testing.assert_allclose(aef.from_official(sub).values, want, atol=1e-7)   # was: max error 0.57
    with pytest.raises(aef.core.DimensionError, match=r"name A00\.\.A63 among its 65 bands: keep those, "
                                                        r"`da = da\.isel\(band=slice\(1, 65\)\)`"):
        aef.from_official(da)   # was: 'read the file with rioxarray.open_rasterio(path)', which it was
    with pytest.raises(aef.core.DimensionError, match=r"among its 65 bands"):
        aef.embeddings.as_embedding(da.transpose("y", "x", "band"))
