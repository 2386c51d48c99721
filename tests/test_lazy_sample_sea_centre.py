"""A lazy map of big chunks is judged on a sample in its centre chunk (`pixels.map_sample`, `SAMPLE_PIXELS`). Where
that chunk holds no data (a coast whose middle is sea) the sample judged nothing: a map of unit vectors x 100 passed
the gate unwarned and was NaN everywhere once computed, and int16 vectors x 100 were taken as int8 codes. The gates
now judge the nine windows spread over the map there (`pixels.read_sample`), as they did before the centre-chunk rule."""
import dask.array as dsa
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import DTypeError
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.quantize import NODATA
from alphaearth_nb.testing import embedding_from_array, warned

SIDE = 256   # 3 x 4 chunks: the spread windows lie in all 12 (786,432 pixels, past SAMPLE_PIXELS)
CENTRE = (SIDE, 2 * SIDE)   # (y0, x0) of the chunk holding the 768 x 1,024 map's middle row and column


def _sea_centre(values, dtype, sea):
    "A lazy 768 x 1,024 map: `values(unit vectors)` in every chunk but the centre one, which is `sea` throughout."
    def block(block_info=None):
        (y0, y1), (x0, x1) = block_info[None]["array-location"][:2]
        if (y0, x0) == CENTRE: return np.full((y1 - y0, x1 - x0, 64), sea, dtype)
        v = np.random.default_rng(y0 * 100 + x0 // SIDE).normal(size=64)
        u = np.broadcast_to(v / np.linalg.norm(v), (y1 - y0, x1 - x0, 64))
        return values(u).astype(dtype)
    data = dsa.map_blocks(block, chunks=((SIDE,) * 3, (SIDE,) * 4, (64,)), dtype=dtype)
    m = embedding_from_array(np.zeros((1, 1, 64), dtype))
    coords = {"y": 5e6 - 10.0 * np.arange(3 * SIDE), "x": 5e5 + 10.0 * np.arange(4 * SIDE), "band": m.band.values}
    return xr.DataArray(data, dims=("y", "x", "band"), coords=coords, attrs=m.attrs)


def test_floats_x100_around_a_sea_centre_are_warned_not_silently_nan():
    m = _sea_centre(lambda u: 100 * u, "float32", np.nan)
    out, said = warned(lambda: as_embedding(m))
    assert out.chunks is not None   # still lazy
    assert any("sampled pixels are not embedding vectors" in s and "scaled by 100" in s for s in said), said


def test_int16_x100_around_a_no_data_centre_is_refused_as_no_codes():
    m = _sea_centre(lambda u: np.round(100 * u), "int16", NODATA)
    with pytest.raises(DTypeError, match=r"scaled by 100"): as_embedding(m, dequantize=False)


def test_a_sea_centre_around_good_vectors_passes_quietly():
    "The spread windows judged where the centre is sea: unit vectors there pass, no word, still lazy."
    m = _sea_centre(lambda u: u, "float32", np.nan)
    out, said = warned(lambda: as_embedding(m))
    assert said == [] and out.chunks is not None
    assert np.isfinite(out.isel(y=slice(0, 4), x=slice(0, 4)).values).all()


# The no data of many exports is 0, not NaN (field case A3: a footprint with no data written as zero vectors; Earth
# Engine's unmasked GeoTIFF export): a centre chunk of zero vectors, or of one value in every band, holds no vector
# under any reading, so the spread windows are judged there too. On a332712c the zeros alone were judged: the x 100
# floats were told only "not embedding vectors ... check the reader's fill value" and were NaN everywhere, and the
# int16 x 100 passed as int8 codes.

@pytest.mark.parametrize("sea", [0.0, -9999.0])
def test_floats_x100_around_a_centre_of_one_value_are_warned(sea):
    m = _sea_centre(lambda u: 100 * u, "float32", sea)
    out, said = warned(lambda: as_embedding(m))
    assert out.chunks is not None
    assert any("scaled by 100" in s for s in said), said


def test_int16_x100_around_a_zero_centre_is_refused_as_no_codes():
    m = _sea_centre(lambda u: np.round(100 * u), "int16", 0)
    with pytest.raises(DTypeError, match=r"scaled by 100"): as_embedding(m, dequantize=False)


def test_a_zero_centre_around_good_vectors_keeps_them():
    "Unit vectors around a centre of zeros: the vectors are kept, the zeros no data (counted in the sample's words)."
    m = _sea_centre(lambda u: u, "float32", 0.0)
    out, said = warned(lambda: as_embedding(m))
    assert not any("scaled by" in s for s in said), said
    assert np.isfinite(out.isel(y=slice(0, 4), x=slice(0, 4)).values).all()
    assert np.isnan(out.isel(y=slice(CENTRE[0], CENTRE[0] + 4), x=slice(CENTRE[1], CENTRE[1] + 4)).values).all()
