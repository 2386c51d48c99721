"The ANN index takes the queries a user holds: rows of a pandas table (column-major arrays) included."
import importlib.util

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import index as aix
from alphaearth_nb.core import UnitsWarning, band_names
from alphaearth_nb.testing import random_unit

INSTALLED = [b for b in aix.BACKENDS if importlib.util.find_spec(b)]
pytestmark = pytest.mark.skipif(not INSTALLED, reason="no ANN backend: pip install 'alphaearth_nb[retrieval]'")


@pytest.mark.parametrize("backend", INSTALLED)
def test_search_takes_table_rows_and_column_major_arrays(backend):
    """`df[band_names()]` (the official samples CSV) and its `.values` are column-major (Fortran order): usearch, the
    default backend, raised its own ValueError ('Matrix rows must be contiguous') for every such query, though
    `query_array` documents DataFrames as queries. Right: the same matches as the row-major copy."""
    x = random_unit((300,), seed=5)
    df = pd.DataFrame(x.astype(np.float64), columns=band_names())
    assert not df[band_names()].values.flags["C_CONTIGUOUS"]                 # what pandas hands over
    idx = aix.build(df[band_names()].values, backend=backend)
    want = idx.search(np.ascontiguousarray(x[:7]), k=3)
    assert (want.ids[:, 0] == np.arange(7)).all()
    for q in (df[band_names()].iloc[:7], df[band_names()].values[:7], np.asfortranarray(x[:7])):
        got = idx.search(q, k=3)
        np.testing.assert_array_equal(got.ids, want.ids)
        np.testing.assert_allclose(got.scores, want.scores, atol=1e-6)


def _near_duplicates():
    """200 official vectors (sf_bay samples) as int8 codes, each preceded by a neighbour one code step away in its
    smallest component (field case D1's table): the neighbour at positions 0..199, the exact copy at 200..399."""
    from alphaearth_nb.quantize import quantize
    from alphaearth_nb.readers import read_aef_samples
    try: df = read_aef_samples()
    except Exception as e: pytest.skip(f"no shared data: {e}")
    codes = np.asarray(quantize(df[band_names()].to_numpy(np.float32)[:200]))
    near = codes.astype(np.int16)
    j = np.argmin(np.abs(near), axis=1)
    near[np.arange(200), j] += np.where(near[np.arange(200), j] < 127, 1, -1)
    return np.concatenate([near.astype(np.int8), codes]), codes


@pytest.mark.parametrize("backend", INSTALLED)
def test_case_D1_the_exact_copy_is_nearest_in_the_index(backend):
    """Field case D1 for the index: the re-rank and `exact_search` scored cosines in float32, where a copy (cosine 1)
    and a neighbour one code step away (1 - 2e-9) are one value, so ties went by candidate order: `search(k=1)`
    returned the neighbour for 6 to 27 of 200 queries, `exact_search` (the recall reference) for 21. Right: scores
    in float64, equal scores to the lower position, so the exact copy (distance 0) is first every time."""
    from alphaearth_nb.quantize import dequantize
    table, codes = _near_duplicates()
    want = np.arange(200) + 200
    for data in (table, dequantize(table)):
        np.testing.assert_array_equal(aix.exact_search(data, dequantize(codes), k=1)[0][:, 0], want)
        m = aix.build(data, backend=backend, threads=1).search(dequantize(codes), k=1, rerank=8)   # ANN: ample candidates
        np.testing.assert_array_equal(m.ids[:, 0], want)
    dup = np.concatenate([codes[:50], codes[:50]])                     # exact duplicates: the lower position first
    pos, _ = aix.exact_search(dup, dequantize(codes[:50]), k=2)
    np.testing.assert_array_equal(pos, np.c_[np.arange(50), np.arange(50) + 50])


@pytest.mark.parametrize("backend", INSTALLED)
def test_uint8_code_rows_are_indexed_as_their_int8_codes(backend):
    """(N, 64) official codes held as uint8 (read unsigned by GDAL < 3.7, or stored shifted by 128): `build` raised
    dequantize's DTypeError (advising `.view('int8')`, wrong for shifted codes), though the map gate and
    `evaluate.check_xy` read such bytes by meaning. Right: indexed as the int8 codes, the same matches."""
    from alphaearth_nb.quantize import dequantize, quantize
    codes = np.asarray(quantize(random_unit((120,), seed=8)))
    q = dequantize(codes[:6])
    want = aix.build(codes, backend=backend, threads=1).search(q, k=2, rerank=8)
    for stored, how in ((codes.view(np.uint8), "read unsigned"), ((codes.astype(np.int16) + 128).astype(np.uint8),
                                                                   "shifted by 128")):
        with pytest.warns(UnitsWarning, match=how):
            idx = aix.build(stored, backend=backend, threads=1)
        assert idx.rows.vectors.dtype == np.int8
        np.testing.assert_array_equal(idx.rows.vectors, codes)
        got = idx.search(q, k=2, rerank=8)
        np.testing.assert_array_equal(got.ids[:, 0], np.arange(6))
        np.testing.assert_allclose(got.scores, want.scores, atol=1e-6)
