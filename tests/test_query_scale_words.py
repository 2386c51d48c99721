"A query vector of integers x100 is told to divide the query (`v / 100`), not `emb` (the map's name in the map's fix)."
import numpy as np, pytest
from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.gate import gate_query, scale_hint

def _unit(seed=0):
    v = np.random.default_rng(seed).normal(size=64)
    return v / np.linalg.norm(v)

def test_query_fix_names_the_query():
    v = (_unit() * 100).round().astype(np.int16)   # lengths 100 +- rounding (< 0.5%)
    with pytest.raises(NoValidDataError) as e: gate_query(v)
    msg = str(e.value)
    assert "`v = v / 100`" in msg and "`v * 100`" in msg
    assert "`emb" not in msg

def test_map_fix_keeps_emb():
    rows = np.stack([_unit(i) for i in range(3)]) * 1000
    assert "`emb = emb / 1000`" in scale_hint(rows) and "`v" not in scale_hint(rows)
    assert "`q = q / 1000`" in scale_hint(rows, name="q")
