"A query or a table is spread (`bands.list_vectors`) once: query_array read a DataFrame through by_band, which spread"
" it again, and band_parts spread a table, then by_band spread it a second time (the last review)."
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import bands, gate
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit


@pytest.fixture
def calls(monkeypatch):
    seen, spread = [], bands.list_vectors   # where by_band, band_parts and query_array live (re-exported by gate)
    monkeypatch.setattr(bands, "list_vectors", lambda x: seen.append(type(x).__name__) or spread(x))
    return seen


def _table():
    v = random_unit((3,), seed=2)
    return v, pd.DataFrame({"lon": [1.0, 2.0, 3.0], "embedding": list(v)})


def test_query_array_spreads_once(calls):
    v, df = _table()
    np.testing.assert_array_equal(gate.query_array(df), v)
    assert calls == ["DataFrame"], calls


@pytest.mark.parametrize("features", [None, ["lon"]])
def test_by_band_and_band_parts_spread_once(calls, features):
    v, df = _table()
    a = gate.by_band(df, features)
    assert calls == ["DataFrame"] and a.shape == (3, 64 + bool(features)), calls
    bands, extra = gate.band_parts(df, features)
    assert calls == ["DataFrame"] * 2, calls
    np.testing.assert_array_equal(bands, v)
    assert (extra is None) == (features is None)


def test_a_spread_table_reads_as_before():
    v, df = _table()
    wide = pd.concat([df[["lon"]], pd.DataFrame(v[:, ::-1], columns=band_names()[::-1])], axis=1)
    np.testing.assert_array_equal(gate.query_array(wide), v)
    np.testing.assert_array_equal(gate.by_band(wide, ["lon"])[:, -1], [1.0, 2.0, 3.0])


def test_gate_re_exports_what_moved_to_bands():
    "bands was split from gate (session 26): the old names are the same objects, so old code keeps working."
    for n in ("label_bands", "band_dim", "band_hint", "band_variables", "list_vectors", "by_band", "band_parts",
              "join_parts", "real_parts", "query_array"):
        assert getattr(gate, n) is getattr(bands, n) and n in gate.__all__, n
