"""Sentinel-1's orbit flag written as its words (Earth Engine's 'ASCENDING' / 'DESCENDING': text or bytes, any case,
spaces around) is read by one rule, spellings.flag_word: validate_stack reads an `ascending` coordinate of them as
1.0/0.0 (spellings.read_flag_words), as earthengine's per-frame metadata reads orbitProperties_pass. Was:
validate_stack refused the words with a mapping fix ("holds <U10 values ['ASCENDING', 'DESCENDING'] ... map them to
numbers") while to_stack_dataset read them. Other words ('ASC', 'up') are still refused with the fix."""
import numpy as np
import pytest

from alphaearth_nb.core import DTypeError
from alphaearth_nb.earthengine import _meta_values
from alphaearth_nb.spellings import flag_word
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import sampler_stack, with_source

N = 34   # sampler_stack's Sentinel-1 frames


def _stack(vals):
    st = sampler_stack(n_s2=6, days=400)
    s1 = st["sentinel1"].to_dataset().assign_coords(ascending=("time", vals))
    return with_source(st, "sentinel1", s1)


@pytest.mark.parametrize("words", [["ASCENDING", "DESCENDING"], ["ascending ", " Descending"],
                                   [b"ASCENDING", b"descending"]])
def test_words_are_read_as_flags(words):
    vals = np.array((words * N)[:N], dtype=object if isinstance(words[0], str) else None)
    want = np.array([1.0, 0.0] * (N // 2), np.float32)
    got = validate_stack(_stack(vals))["sentinel1"]["ascending"]
    np.testing.assert_array_equal(got.values, want)
    assert got.dtype == np.float32
    np.testing.assert_array_equal(_meta_values(vals, "ascending"), want)   # earthengine: the same reading


@pytest.mark.parametrize("words", [["ASC", "DESC"], ["ASCENDING", "up"]])
def test_other_words_are_refused_with_the_fix(words):
    with pytest.raises(DTypeError, match="ascending"):
        validate_stack(_stack(np.array((words * N)[:N], dtype=object)))


def test_flag_word():
    assert [flag_word("ascending", w) for w in ("ASCENDING", b" descending", "asc")][:2] == [1.0, 0.0]
    assert np.isnan(flag_word("ascending", "asc"))
