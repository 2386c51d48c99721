"""xarray's reductions of int8 codes (coarsen(...).mean(), .mean('time'), .interp) give floats averaging the codes: the
gate reads them as their nearest codes and warns naming the fix (de-quantise first, re-normalise), not a fill value."""

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.cubes import coarsen
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit, warned_text


@pytest.fixture(scope="module")
def q():
    "A quantised map of 8 x 8 pixels whose 2 x 2 blocks hold nearby vectors (a smooth landscape)."
    rng = np.random.default_rng(0)
    base = np.repeat(np.repeat(random_unit((4, 4), 1), 2, 0), 2, 1) + 0.15 * rng.normal(size=(8, 8, 64))
    return embedding_from_array((base / np.linalg.norm(base, axis=-1, keepdims=True)).astype(np.float32)).aef.quantize()


def _advice(msg):
    assert "averages of int8 codes" in msg and "aef.dequantize(q)" in msg and "re-normalise" in msg, msg
    assert "fill value" not in msg, msg


def test_xarray_coarsen_of_codes_is_read_near_the_blocks_mean_direction(q):
    m = q.coarsen(x=2, y=2).mean()
    assert m.dtype.kind == "f" and not (m.values == np.round(m.values)).all()
    got, msg = warned_text(lambda: as_embedding(m))
    _advice(msg)
    right, _ = warned_text(lambda: coarsen(q, 2))   # the package's coarsen: each block's mean direction of the vectors
    cos = (got.values * right.values).sum(-1)
    assert np.isfinite(got.values).all() and cos.min() > 0.95, cos.min()   # was: every pixel NaN
    _, msg = warned_text(lambda: m.aef.similarity(m.isel(x=0, y=0)))
    _advice(msg)
    assert "query vector" in msg or "query(s)" in msg, msg


def test_mean_over_time_and_interp_of_codes_warn_the_same(q):
    cube = xr.concat([q, q.isel(x=slice(None, None, -1)).assign_coords(x=q.x)], "time")
    _advice(warned_text(lambda: as_embedding(cube.mean("time")))[1])
    mid = q.interp(x=(q.x.values[:-1] + q.x.values[1:]) / 2)
    _advice(warned_text(lambda: as_embedding(mid))[1])


def test_dequantised_first_is_a_plain_mean_and_band_values_are_not_codes(q):
    _, msg = warned_text(lambda: as_embedding(aef.dequantize(q).coarsen(x=2, y=2).mean()))
    assert "a mean of embeddings" in msg and "averages of int8 codes" not in msg, msg
    dn = embedding_from_array(np.full((2, 2, 64), 30.5, np.float32) + np.arange(64, dtype=np.float32) / 10)
    out, msg = warned_text(lambda: as_embedding(dn))   # positive band values (no sign of a code): refused as before
    assert np.isnan(out.values).all() and "not embedding vectors" in msg, msg


@pytest.mark.parametrize("length", [3.0, 8.0, 30.0, 100.0])
def test_a_float_query_scaled_from_a_unit_vector_is_not_read_as_codes(length):
    "A raw or summed query (length 3 to 100, components up to 127, not whole) decodes to under 0.2: a float vector."
    u = random_unit((), 5)
    e = embedding_from_array(random_unit((3, 3), 6))
    s, msg = warned_text(lambda: e.aef.similarity(length * u))
    assert "averages of int8 codes" not in msg and "scaled to unit length" in msg, msg
    np.testing.assert_allclose(s.values, (e.values * u).sum(-1), atol=1e-5)   # the direction counts, not the length
