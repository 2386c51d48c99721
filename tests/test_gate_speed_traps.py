"""The map's gate looks at the pixels a check is about, and at a bounded sample where the check is statistical.

A map mostly NaN (rows >= 100 of 1171 x 1619) took 18.4 s in `similarity` against 4.0 s all valid: every NaN pixel
counted as 'long' and went through the int8-code checks (`_code_pixels`, `_averaged_codes`: nan_to_num, round,
isposinf). A map of nonnegative floats went whole to float64 in `decoding_slip` (7 s for 585 x 810 pixels).
Right: NaN pixels skip the code checks; `decoding_slip` copies at most `_SLIP_ROWS` rows unless the sample is the
sign-lost codes, which it then confirms on every row. Speed: benchmarks/gate_nan_map.py."""
import tracemalloc
import warnings

import numpy as np
import pytest

from alphaearth_nb import gate, value_hints
from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import embedding_from_array, random_unit


def _seen(monkeypatch, name):
    rows, real = [], getattr(gate, name)
    monkeypatch.setattr(gate, name, lambda v: (rows.append(np.isnan(v).any(-1).sum()), real(v))[1])
    return rows


@pytest.mark.parametrize("name", ["_code_pixels", "_averaged_codes"])
def test_nan_pixels_skip_the_code_checks(monkeypatch, name):
    v = random_unit((40, 30), seed=1).astype(np.float32)
    v[10:] = np.nan                                  # a sea: 3/4 of the map
    codes = quantize(v[0, :5].copy())
    v[0, :5] = codes.astype(np.float32)              # float codes: the check has pixels to look at
    seen = _seen(monkeypatch, name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = gate.gated(embedding_from_array(v)).values
    assert seen and sum(seen) == 0, seen             # no NaN pixel reached it
    np.testing.assert_allclose(out[0, :5], dequantize(codes), atol=1e-6)   # codes still read
    assert np.isnan(out[10:]).all() and np.isfinite(out[:10]).all()


def test_all_nan_pixels_are_no_data_partial_ones_refused():
    v = random_unit((6, 5), seed=2).astype(np.float32)
    v[3:] = np.nan
    v[0, 0, 7] = np.nan                              # one NaN component: refused, warned
    with pytest.warns(Warning, match="1 of 30 pixels are not embedding vectors"):
        out = gate.gated(embedding_from_array(v)).values
    assert np.isnan(out[0, 0]).all() and np.isfinite(out[0, 1:]).all() and np.isnan(out[3:]).all()


def test_decoding_slip_copies_a_bounded_sample():
    v = np.abs(random_unit((400, 300), seed=3)).astype(np.float32)   # nonnegative floats: no codes
    tracemalloc.start()
    try:
        assert value_hints.decoding_slip(v, linear=False) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < v.nbytes / 2, (peak, v.nbytes)     # a float64 copy is 2x v; the sample 2 MiB


def test_sign_lost_codes_are_confirmed_on_every_row():
    q = quantize(random_unit((90, 100), seed=4))
    u = ((q / 127.5) ** 2).astype(np.float32)        # the sign dropped
    assert value_hints.decoding_slip(u, linear=False) == ("unsigned", 127.5)
    rows = u.reshape(-1, 64)
    n = len(rows)
    picked = set(np.linspace(0, n - 1, value_hints._SLIP_ROWS).round().astype(int))
    off = next(i for i in range(n) if i not in picked)
    rows[off] = np.abs(random_unit((1,), seed=5)[0])   # one nonnegative float row off the sample
    assert value_hints.decoding_slip(u, linear=False) is None


def test_sign_lost_map_and_query_are_refused_naming_the_decoding():
    q = quantize(random_unit((6, 8), seed=6))
    emb = embedding_from_array(dequantize(q))
    lost = ((q / 127.5) ** 2).astype(np.float32)
    with pytest.raises(NoValidDataError, match=r"without their sign.*sign\(q\) \(q / 127\.5\) \*\* 2.*dequantize"):
        similarity(emb, lost[1, 2])
    with pytest.raises(NoValidDataError, match=r"all 48 pixels hold no embedding vector.*without their sign"):
        similarity(emb.copy(data=lost), emb.values[1, 2])
