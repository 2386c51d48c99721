"""Sentinel-1 orbit flags held as bytes (a netCDF char variable, fixed-width strings read back as |S) are told the
word conversion that works on them (kind G: errors a user can act on).

A stack of one orbit direction written with `ascending` as b'DESCENDING' was told "holds |S10 values
["b'DESCENDING'"] ... `pd.Series(...).map({...})` with the number each of ["B'DESCENDING'"] means": the repr of
bytes, upper-cased, as if it were an unknown code. Right: the words, and the conversion words get, run as written."""
import re

import numpy as np
import pytest

from alphaearth_nb.core import DTypeError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import sampler_stack, with_source


def _stack(**coords):
    st = sampler_stack(n_s2=6, days=400)
    s1 = st["sentinel1"].to_dataset().drop_vars("ascending").assign_coords(**coords)
    return with_source(st, "sentinel1", s1), s1


@pytest.mark.parametrize("name", ["ascending", "orbitProperties_pass"])
@pytest.mark.parametrize("words,want", [([b"DESCENDING"], 0.0), ([b"ASCENDING", b"DESCENDING"], None), ([b"desc "], 0.0)])
def test_bytes_flags_are_told_as_words_with_a_fix_that_runs(name, words, want):
    n = 34   # sampler_stack's Sentinel-1 frames
    vals = np.array((words * n)[:n])
    st, s1 = _stack(**{name: ("time", vals)})
    expect = np.array([0.0 if want == 0.0 else float(w.strip().upper() == b"ASCENDING") for w in vals])
    if {w.upper() for w in words} <= {b"ASCENDING", b"DESCENDING"}:   # the words themselves, under either name:
        got = validate_stack(st)["sentinel1"]["ascending"].values   # read as earthengine reads them (spellings.flag_word)
        np.testing.assert_array_equal(got, expect)
        return
    with pytest.raises(DTypeError) as e:
        validate_stack(st)
    msg = str(e.value)
    assert "b'" not in msg and "B'" not in msg and "map({...})" not in msg, msg
    fix = re.search(r"`(ds = [^`]+)`", msg)[1]
    env = {"ds": s1, "np": np}
    exec(fix, env)   # the conversion, run as the message writes it
    got = env["ds"]["ascending"].values
    np.testing.assert_array_equal(got, expect)
    validate_stack(with_source(sampler_stack(n_s2=6, days=400), "sentinel1", env["ds"]))   # now passes
