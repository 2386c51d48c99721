"""as_embedding's int8 form of an integer map (maps scaled by a power of ten refused, values past int8 and codes that
are no embedding vector made no data, a lazy map judged on its sample) lives in `codes` (22d, below embeddings) as
`int8_form`, so embeddings keeps clear of the layout's module size (it was 580 of 600 lines); embeddings re-exports
SCALE_ROWS and int8_form, and `as_embedding(emb, dequantize=False)` reads integers as before."""
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import DTypeError, NoDataWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


def _ints(scale, dtype, seed=1):
    return embedding_from_array(np.round(random_unit((4, 5), seed=seed) * scale).astype(dtype))


def test_embeddings_reexports_the_int8_form_and_as_embedding_calls_it(reexported, monkeypatch):
    "Hand-worked: 64 x 300 in one pixel is past int8 (no data, warned); the other pixels' codes are kept as they are."
    codes, embeddings = reexported("codes", "embeddings", ["SCALE_ROWS", "int8_form", "CODE_SCALE", "code_scaled",
                                                                 "codes_unpacked"])
    q = aef.embeddings.quantize_embedding(embedding_from_array(random_unit((4, 5), seed=2)))
    wide = q.astype(np.int16)
    wide[0, 0] = 300
    with pytest.warns(NoDataWarning, match="1 of 20 pixels .*outside int8"):
        got = embeddings.as_embedding(wide, dequantize=False)
    assert got.dtype == np.int8 and (got.values[0, 0] == -128).all()
    np.testing.assert_array_equal(got.values[1:], q.values[1:])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NoDataWarning)
        np.testing.assert_array_equal(codes.int8_form(wide).values, got.values)
    seen = []
    monkeypatch.setattr(embeddings, "int8_form", lambda da, told=False: seen.append(da.dtype) or codes.int8_form(da, told))
    embeddings.as_embedding(q, dequantize=False)
    assert seen == [np.dtype(np.int8)]   # the one reading of an integer map's codes


def test_a_map_scaled_by_a_power_of_ten_is_refused_by_both_doors():
    with pytest.raises(DTypeError, match="scaled by 100"):
        aef.embeddings.as_embedding(_ints(100, np.int16), dequantize=False)
    with pytest.raises(DTypeError, match="scaled by 100"):
        aef.codes.int8_form(_ints(100, np.int16))


def test_the_split_modules_keep_under_the_cap_unjoined(split_module_check):
    split_module_check("codes", 200)
    split_module_check("embeddings", 520)   # s54: 555 of the layout's 600; s55: 492 once `provenance` left it
    # (tests/test_provenance_split.py): split it again by job before it nears 520
