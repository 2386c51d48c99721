"""Integer maps that are no int8 codes (counts, class ids: uint16, int32, int64, uint8 of no negative value) were
decoded as the official int8 codes: values 0..127 came out as "averaged codes" rescaled to unit length (a map of
nonsense, warned as a resampling), values past 127 made every pixel "not an embedding" (all NaN, one warning), and a
query vector of counts was "no data ... or one value" or scaled to unit length. The codes of a unit vector take both
signs, so integers with no negative value anywhere are refused at the door (`rows.count_values`), a `DTypeError`
naming the type and range; int8 codes, codes kept in uint16 and codes read unsigned (bytes 128..255) pass as before."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import DTypeError
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.quantize import quantize
from alphaearth_nb import rows
from alphaearth_nb.testing import embedding_from_array, random_unit

RNG = np.random.default_rng(5)


@pytest.mark.parametrize("dtype,hi", [("uint16", 100), ("int32", 100), ("int64", 50), ("uint8", 128),
                                      ("uint16", 1000), ("int32", 5000), ("uint32", 70000)])
def test_a_map_of_counts_is_refused_naming_its_values(dtype, hi):
    a = RNG.integers(0, hi, (5, 4, 64)).astype(dtype)
    with pytest.raises(DTypeError) as e:
        as_embedding(embedding_from_array(a))
    said = str(e.value)
    assert f"{dtype} values {int(a.min())}..{int(a.max())}" in said and "no negative value" in said, said
    assert "counts" in said and "no int8 codes" in said, said


def test_a_lazy_map_of_counts_is_refused_from_its_sample():
    a = RNG.integers(0, 300, (40, 40, 64)).astype("int32")
    with pytest.raises(DTypeError, match="no negative value"):
        as_embedding(embedding_from_array(a).chunk({"y": 20, "x": 20}))


def test_a_query_of_counts_is_refused():
    emb = embedding_from_array(random_unit((4, 4), seed=1))
    for v in (RNG.integers(0, 100, 64).astype("int32"), RNG.integers(0, 1000, 64).astype("uint16")):
        with pytest.raises(DTypeError, match=f"similarity query holds {v.dtype} values"):
            emb.aef.similarity(v)


def test_codes_in_any_integer_type_still_pass():
    "Codes as int8, widened to int16/int32 (negatives kept), and bytes read unsigned (uint8 / uint16 0..255): read as " \
    "codes, each pixel the quantised vector's direction."
    u = random_unit((4, 3), seed=8)
    q = np.asarray(quantize(u))
    for a in (q, q.astype(np.int16), q.astype(np.int32), q.view(np.uint8), q.view(np.uint8).astype(np.uint16)):
        assert rows.count_values(a) is None, a.dtype
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # bytes read unsigned: warned as such
            got = as_embedding(embedding_from_array(a)).values
        assert (np.einsum("yxb,yxb->yx", got, u) > 0.99).all(), a.dtype


def test_fills_and_one_value_pixels_are_left_out_of_the_judgement():
    "Declared fills and one-value pixels (a fill nobody declared) do not make codes counts nor counts codes."
    q = np.asarray(quantize(random_unit((3, 3), seed=2))).astype(np.int16)
    q[0, 0] = 500                                   # one value in every band: a fill, not a count
    assert rows.count_values(q) is None                  # the other pixels hold negative codes
    c = RNG.integers(0, 50, (3, 3, 64)).astype(np.int16)
    c[1, 1] = RNG.integers(-50, 50, 64)             # the only negative values, in one pixel
    assert rows.count_values(c) is None                  # as data: maybe codes (the gate judges them)
    assert rows.count_values(c, valid=(0, 1000)) is not None   # outside the declared valid range: no data, left out
