"benchmarks/layers.py's step rounds run ABBA: each side first in half of every 4 rounds (session 41; before: nn always first)."
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def test_rounds_alternate_abba(load_script):
    layers = load_script(BENCH / "layers.py", "bench_layers")
    orders = [layers.abba(r) for r in range(8)]
    assert orders[:4] == [("nn", "before"), ("before", "nn"), ("before", "nn"), ("nn", "before")]
    assert orders[4:] == orders[:4]
    assert sum(o[0] == "nn" for o in orders) == 4
