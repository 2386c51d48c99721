"""Field case A3's kind in the int8 form: a pixel of codes that decode to no embedding vector (all zero, one code
in every band, a length no mean of embeddings has) was kept as data by `as_embedding(q, dequantize=False)` and
`from_official(tile, dequantize=False)`, while the float form of the same map (`as_embedding(q)`) reads it as
no data. Right: the int8 form holds -128 (its no data) exactly where the float form holds NaN, warned; every other
code as it was."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit

BAD = [(0, 1), (2, 3), (4, 0), (1, 4), (3, 2)]   # all zero, all zero, 64 x 5, 64 x -7, one code of 40 (length 0.098)


def codes_map():
    "A 5 x 5 int8 map of official codes with the five pixels of BAD that are no embedding vectors."
    q = quantize(random_unit((5, 5), seed=7))
    q[0, 1] = q[2, 3] = 0
    q[4, 0], q[1, 4] = 5, -7
    q[3, 2] = 0; q[3, 2, 10] = 40          # decodes to (40 / 127.5)^2 = 0.098 in one band: far below a mean's 0.2
    return q


def want(q):
    "The right int8 form: -128 in every band at the BAD pixels, every other code as given."
    w = q.copy()
    for r, c in BAD: w[r, c] = -128
    return w


@pytest.mark.parametrize("lazy", [False, True])
def test_int8_form_is_no_data_where_the_float_form_is(lazy):
    q = codes_map()
    emb = embedding_from_array(q)
    if lazy: emb = emb.chunk({"y": 2})
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        got = as_embedding(emb, dequantize=False).compute()
    assert got.dtype == np.int8
    np.testing.assert_array_equal(got.values, want(q))
    floats = as_embedding(embedding_from_array(q)).values
    np.testing.assert_array_equal((got.values == -128).all(-1), np.isnan(floats).all(-1))


def test_the_int8_form_warns_the_pixels_it_drops():
    with pytest.warns(NoDataWarning, match=r"5 of 25 pixels are not embedding vectors"):
        as_embedding(embedding_from_array(codes_map()), dequantize=False)


def test_official_tile_int8_form():
    q = codes_map()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = from_official(official_tiff(embedding_from_array(q)), dequantize=False)
    np.testing.assert_array_equal(got.transpose("y", "x", "band").values, want(q))


def test_sound_codes_unchanged_and_silent():
    q = quantize(random_unit((6, 4), seed=3))
    q[1, 1] = -128                                   # declared no data: as it was
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = as_embedding(embedding_from_array(q), dequantize=False)
    np.testing.assert_array_equal(got.values, q)
