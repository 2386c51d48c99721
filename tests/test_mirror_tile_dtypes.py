"""A local mirror's tile of other values than the product's int8 codes (de-quantised to floats after it was fetched)
is refused, naming the fix; one of the same bytes as uint8 (GDAL before 3.7 wrote Int8 so) reads as the int8 tile.

Was: `mirrors.open_tile` cast every tile to int8, so floats in (-1, 1) became 0: `official.open` over such a mirror
gave all-zero vectors (max error 0.40 against the int8 mirror), without a word."""
import glob

import numpy as np
import pytest

pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo"); pytest.importorskip("geopandas")
rasterio = pytest.importorskip("rasterio")
from alphaearth_nb import official
from alphaearth_nb.core import MirrorError
from alphaearth_nb.mirrors import open_tile
from alphaearth_nb.quantize import dequantize


def _rewrite(path, fn, dtype):
    "The tile at `path` rewritten with its values `fn(codes)` stored as `dtype` (profile, descriptions kept)."
    with rasterio.open(path) as s: a, prof, desc = s.read(), s.profile, s.descriptions
    prof.update(dtype=dtype, nodata=None)
    with rasterio.open(path, "w", **prof) as d:
        d.write(fn(a).astype(dtype))
        for i, n in enumerate(desc): d.set_band_description(i + 1, n)


def test_a_float_tile_is_refused_and_a_byte_tile_reads_as_its_codes(small_mirror):
    m = small_mirror([2024])
    hrefs = sorted(glob.glob(f"{m.root}/2024/31N/*.tiff"))
    codes = open_tile(hrefs[0]).values
    _rewrite(hrefs[0], lambda a: a.view(np.uint8), "uint8")          # the same bytes, unsigned
    np.testing.assert_array_equal(open_tile(hrefs[0]).values, codes)
    _rewrite(hrefs[1], lambda a: np.asarray(dequantize(a)), "float32")   # the vectors, de-quantised
    with pytest.raises(MirrorError, match=r"holds float32 values, not the product's int8 codes.*fetch_tiles.*"
                                          r"read_official_tiff\(path\)"):
        open_tile(hrefs[1])
    with pytest.raises(MirrorError, match="float32 values"):
        official.open((5.985, 44.9995, 5.995, 45.004), 2024, source=m.root).compute()   # was: all-zero vectors
