"""Official int8 codes decoded by another rule than the product's are named, with the fix that runs.

The product decodes a code q as sign(q) (q / 127.5)^2. A map of `q / 127.5` (a linear decoding, lengths about 2.4)
was all no data with 'check the reader's fill value'; the same as a similarity query was rescaled to unit length
and scored another direction without a word. `(q / 127.5) ** 2` (the sign dropped: unit vectors, all >= 0) passed
the gate in silence (similarity off by up to 0.14), then warned and used. Right: each named, with `aef.dequantize(...)`
of the codes; a query of either and a map all sign-lost refused (the package tells both exactly)."""
import re
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import NoDataWarning, NoValidDataError
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def maps():
    q = quantize(random_unit((6, 8), seed=6))                       # the product's codes
    emb = embedding_from_array(dequantize(q))                       # the product's floats
    return q, emb


@pytest.mark.parametrize("s", [127.5, 127.0, 128.0])
def test_a_linear_decoding_is_named_and_its_fix_runs(maps, s):
    q, emb = maps
    lin = emb.copy(data=(q / s).astype(np.float32))
    with pytest.warns(NoDataWarning, match=f"int8 codes divided by {s:g}") as w:
        sim = similarity(lin, emb.values[1, 2]).values
    assert np.isnan(sim).all()
    fix = re.search(r"`(emb = [^`]+)`", str(w[0].message)).group(1)
    ns = {"emb": lin, "aef": aef}
    exec(fix, ns)   # the named fix gives the product's vectors back
    np.testing.assert_allclose(np.asarray(ns["emb"]), emb.values, atol=1e-6)


def test_a_linear_query_is_refused(maps):
    q, emb = maps
    with pytest.raises(NoValidDataError, match=r"divided by 127\.5.*aef\.dequantize\(\(v \* 127\.5\)"):
        similarity(emb, (q[1, 2] / 127.5).astype(np.float32))   # was: rescaled, cos 0.93 at its own pixel


def test_codes_without_their_sign_are_refused(maps):
    q, emb = maps
    unsigned = emb.copy(data=((q / 127.5) ** 2).astype(np.float32))
    for call in (lambda: similarity(unsigned, emb.values[1, 2]), lambda: similarity(emb, unsigned.values[1, 2])):
        with pytest.raises(NoValidDataError, match=r"without their sign.*aef\.dequantize\(q\)"):
            call()   # warned, then scored with the wrong vectors (off by up to 0.83)
    with warnings.catch_warnings():   # the product's floats: no word
        warnings.simplefilter("error")
        similarity(emb, emb.values[1, 2])
