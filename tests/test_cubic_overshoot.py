"""Kind A (one gate): a map resampled with a kernel that has negative lobes (cubic, lanczos: `rio.reproject(...,
resampling=Resampling.cubic)`, `gdalwarp -r cubic`) overshoots at edges between covers, so some of its vectors are
longer than 1 (up to 1.16 cubic, 1.25 lanczos on the official vectors of a local mirror; 1.35 / 1.62 for int8 codes
warped so). They are resampled embeddings, rescaled to unit length with the resampling warning, as a bilinear warp's
means are. Was: refused as 'not embedding vectors ... check the reader's fill value' (7-17% of the pixels of such a
float map, 13-23% of an int8 one, NaN in every map function)."""

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.gate import gate_query, gate_vectors
from alphaearth_nb.testing import embedding_from_array, random_unit, warned_text


def _overshoot_map():
    "Rows: a cover u, then a 1-D cubic overshoot at its edge with w (1.0625 u - 0.0625 w), then w."
    u, w = random_unit((2,), seed=41)
    o = 1.0625 * u - 0.0625 * w            # Keys' cubic (a = -0.5) half a pixel from the edge u u | w w
    v = np.stack([np.stack([u, o, w])] * 2)   # (2, 3, 64)
    return embedding_from_array(v.astype(np.float32)), u, w, o


def test_an_overshooting_pixel_is_rescaled_not_refused():
    e, u, w, o = _overshoot_map()
    n = float(np.linalg.norm(o))
    assert 1.03 < n < 1.07   # beyond the int8 round trip's tolerance (1.023): was no data
    g, msg = warned_text(lambda: as_embedding(e))
    assert not np.isnan(g.values).any(), msg
    np.testing.assert_allclose(g.values[:, 1], np.stack([o / n] * 2), atol=1e-6)
    assert "not embedding vectors" not in msg and "cubic" in msg and "2 of 6 pixel(s)" in msg, msg
    s, _ = warned_text(lambda: e.aef.similarity(u))
    np.testing.assert_allclose(s.values[0], [1.0, float(o @ u) / n, float(w @ u)], atol=1e-6)   # the hand cosines


def test_query_from_an_overshooting_pixel_is_the_map_s_vector():
    "One gate: the same vector as a query is rescaled as the map's pixel, with the same resampling warning."
    e, u, w, o = _overshoot_map()
    q, msg = warned_text(lambda: gate_query(o.astype(np.float32)))
    g, _ = warned_text(lambda: as_embedding(e))
    np.testing.assert_allclose(q[0], g.values[0, 1], atol=1e-7)
    assert "cubic" in msg, msg


def test_beyond_any_resampling_still_no_data():
    u = random_unit((1,), seed=42)
    v, bad = gate_vectors(np.vstack([1.7 * u, -np.ones((1, 64)), 0.1 * u]).astype(np.float32))
    assert bad.tolist() == [True, True, True] and np.isnan(v).all()


@pytest.mark.parametrize("kernel", ["cubic", "lanczos"])
@pytest.mark.parametrize("codes", [False, True])
def test_a_cubic_warp_of_a_map_keeps_every_pixel(kernel, codes):
    "rioxarray's reproject with a cubic or lanczos kernel: no pixel with data refused, similarity the hand cosine."
    pytest.importorskip("rioxarray")
    from rasterio.enums import Resampling
    centres = random_unit((4,), seed=43)
    blocks = np.kron(np.random.default_rng(44).integers(0, 4, (4, 4)), np.ones((6, 6), int))   # 24 x 24 px, covers
    v = centres[blocks] + 0.2 * random_unit((24, 24), seed=45)
    v = (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)
    e = embedding_from_array(np.asarray(aef.quantize(v)) if codes else v)
    da = e.transpose("band", "y", "x").rio.write_crs("EPSG:32631")
    if codes: da = da.rio.write_nodata(-128)
    r = da.rio.reproject("EPSG:32631", resolution=7.0, resampling=getattr(Resampling, kernel))
    raw = np.asarray(r.transpose("y", "x", "band").values)
    vec = np.asarray(aef.dequantize(raw)) if codes else raw
    n = np.linalg.norm(vec, axis=-1)
    has = np.isfinite(n) & (n > 0)
    assert (n[has] > 1.03).sum() >= 10   # the kernel overshoots here
    g, msg = warned_text(lambda: as_embedding(r))
    assert "not embedding vectors" not in msg and kernel != "" and "cubic" in msg, msg
    got = np.isfinite(g.transpose("y", "x", "band").values).all(-1)
    assert (got == has).all()   # every pixel with data kept, none refused
    q = vec[has][0] / n[has][0]
    s, _ = warned_text(lambda: r.aef.similarity(q))
    want = np.where(has, (np.nan_to_num(vec) @ q) / np.where(has, n, 1), np.nan)
    np.testing.assert_allclose(s.transpose("y", "x").values, want, atol=1e-5)
