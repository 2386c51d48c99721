"""An integer map of unit vectors scaled by a power of ten (int16/int32 x100, x10000), read in its int8 form
(`as_embedding(dequantize=False)`, `index.build`, `quantize_embedding`), is a DTypeError naming the scale and the
fixes, which run as written. Was: x100 fits int8 and was taken as codes without a word (every vector another: their
cosines with the truth about 0.8), x10000 every pixel no data, warned. The product's codes (lengths 127..361) and a
linear int8 scaling (round(127 x), warned and read) pass as before."""
import re
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb import index
from alphaearth_nb.core import DTypeError, NoDataWarning, UnitsWarning
from alphaearth_nb.embeddings import as_embedding, quantize_embedding
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import embedding_from_array, random_unit

U = embedding_from_array(random_unit((6, 5), seed=4))


@pytest.mark.parametrize("scale, dtype", [(100, np.int32), (100, np.int16), (100, np.int8), (10000, np.int32),
                                          (10000, np.int16), (1000, np.int64)])
def test_a_scaled_int_map_read_as_codes_is_refused_with_its_scale(scale, dtype):
    a = U.copy(data=np.round(U.values * scale).astype(dtype))
    for call in (lambda: as_embedding(a, dequantize=False), lambda: index.build(a), lambda: quantize_embedding(a)):
        with pytest.raises(DTypeError) as e:
            call()
        msg = str(e.value)
        assert f"lengths are about {scale}" in msg and f"`emb = emb / {scale}`" in msg, msg
    fix = re.findall(r"`(aef\.embeddings\.quantize_embedding\(emb / \d+\))`", msg)[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        q = eval(fix, {"aef": aef, "emb": a})   # as written, after `import alphaearth_nb as aef`
    got = np.asarray(dequantize(q.values), np.float64)
    cos = (got * U.values).sum(-1) / np.linalg.norm(got, axis=-1)
    assert cos.min() > (0.999 if scale > 100 else 0.99), cos.min()   # the vectors' codes, within x{scale}'s rounding


def test_codes_and_a_linear_scaling_still_read():
    codes = U.copy(data=np.asarray(quantize(U.values)))
    for d in (codes, codes.astype(np.int16), codes.astype(np.int32)):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            np.testing.assert_array_equal(as_embedding(d, dequantize=False).values, codes.values)
    lin = U.copy(data=np.round(U.values * 127).astype(np.int32))   # round(127 x): warned, its directions' codes
    with pytest.warns(UnitsWarning, match="linear scaling"):
        assert as_embedding(lin, dequantize=False).dtype == np.int8


def test_a_few_fill_pixels_past_int8_stay_no_data():
    codes = np.asarray(quantize(U.values)).astype(np.int16)
    codes[0, 0] = -9999   # an undeclared fill pixel
    with pytest.warns(NoDataWarning, match="outside int8's -128..127"):
        q = as_embedding(embedding_from_array(codes), dequantize=False)
    assert (q.values[0, 0] == -128).all() and (q.values[1:] != -128).all()
