"""A similarity query of several int8 codes (an (N, 64) array, a DataArray or a table of them) names the mean of
the vectors they code, not of the codes; a transposed (64, N) array is named as N vectors to transpose (session 33's
review of a11be1b). Was: `v = V.mean(0)` for codes, a mean of square roots (a code is 127.5 sqrt|x| with x's sign),
not of the vectors; and 'got 192 values of float32 against the map's vectors of 64' for V.T, no word of the
transpose. Each named fix runs as written and gives the map of the vectors' mean direction."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.analysis import similarity
from alphaearth_nb.bands import band_names
from alphaearth_nb.core import DimensionError
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 5), seed=2))   # 10 m, corner (500000, 5000000), EPSG:32631
V = E.values[0, :3].astype(np.float64)                   # 3 unit vectors of the map
C = quantize(V)                                           # their int8 codes, (3, 64)


def _by_hand(vs):
    "The map of the unit mean of vectors `vs` (N, 64), computed here from the values."
    m = np.asarray(vs, np.float64).mean(0)
    return similarity(E, m / np.linalg.norm(m))


def _code(msg):
    "The backquoted code of a message, in order."
    return re.findall(r"`([^`]+)`", msg)


def _run(msg, env, want, first_row):
    "Run the message's named code: a transpose, `v = ...` and the mean's map (`want`), then the loop (its first map)."
    code = _code(msg)
    mean = next(c for c in code if c.startswith("v = "))
    steps = [c for c in code[:code.index(mean)] if re.fullmatch(r"\w+ = \w+\.T", c)]
    for s in steps: exec(s, env)
    first, last = mean.split("; ")
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # a unit mean: no gate warning
        exec(first, env)
        got = eval(last, env)
    np.testing.assert_allclose(got.values, want.values, atol=1e-6)
    maps = eval(next(c for c in code if c.startswith(("[aef.similarity(emb", "aef.similarity(emb"))), env)
    maps = maps if isinstance(maps, list) else [maps]   # a DataArray's: one at a time, `q.isel(x=0)`
    np.testing.assert_allclose(maps[0].values, similarity(E, first_row).values, atol=1e-6)


CODES = {   # name: (query, the name its fix uses, the words)
    "array of codes": (C, "V", "3 vectors of int8 codes (an array of shape (3, 64))"),
    "DataArray of codes": (E.isel(y=0, x=slice(0, 3)).copy(data=C), "q", "a DataArray of 3 vectors of int8 codes (x: 3)"),
    "table of codes": (pd.DataFrame(C.astype(np.int64), columns=band_names()), "df",
                       "a table of 3 rows (vectors of int8 codes: its A00..A63)"),
}


@pytest.mark.parametrize("form", list(CODES))
def test_codes_name_the_mean_of_their_vectors(form):
    q, name, words = CODES[form]
    with pytest.raises(DimensionError) as e:
        similarity(E, q)
    msg = str(e.value)
    assert "a similarity query is one 64-vector or one point; got " + words in msg, msg
    assert "aef.dequantize(" in msg and "mean(0); " not in msg, msg
    want = _by_hand(dequantize(C))   # the vectors the codes hold
    assert not np.allclose(_by_hand(C).values, want.values, atol=1e-3)   # the codes' mean is another map
    _run(msg, {"emb": E, "np": np, "aef": aef, name: q}, want, C[0])


@pytest.mark.parametrize("q,kind", [(V.T, "float64"), (C.T, "int8 codes")])
def test_a_transposed_array_is_named_to_transpose(q, kind):
    with pytest.raises(DimensionError) as e:
        similarity(E, q)
    msg = str(e.value)
    assert "192 values" not in msg, msg
    assert "got 3 vectors as the columns of an array of shape (64, 3)" in msg and "`V = V.T`" in msg, msg
    want = _by_hand(dequantize(C) if kind == "int8 codes" else V)
    env = {"emb": E, "np": np, "aef": aef, "V": q}
    _run(msg, env, want, q.T[0])
    assert env["V"].shape == (3, 64)


def test_one_code_vector_and_one_column_are_still_one_query():
    np.testing.assert_allclose(similarity(E, C[0]).values, similarity(E, dequantize(C[0])).values, atol=1e-6)
    np.testing.assert_allclose(similarity(E, V[0][:, None]).values, similarity(E, V[0]).values, atol=1e-6)
