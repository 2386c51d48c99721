"The benchmarks' shape-only paths, so they cannot rot (no timing is asserted)."
import importlib.util
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def load(name):
    "Import benchmarks/<name>.py as a module."
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod
    finally:
        sys.path.remove(str(BENCH))


def test_paper_scale_shape_only(capsys):
    "The lite step at the paper's input shapes, one STP block, traced from shapes only: counts are printed."
    load("paper_scale").main(["--no-compile", "--blocks", "1", "--remat", "off"])
    out = capsys.readouterr().out
    n = int(re.search(r"parameters: ([\d,]+)", out).group(1).replace(",", ""))
    tflop = float(re.search(r"FLOPs per example per training step: ([\d.]+) TFLOP", out).group(1))
    adam = float(re.search(r"Adam state ([\d.]+) GiB", out).group(1))
    assert 1e7 < n < 1e9
    assert tflop > 1.0
    assert adam == pytest.approx(2 * n * 4 / 2**30, abs=0.01)  # two float32 moments per parameter


def test_flop_counter_counts_scan_trips():
    "The jaxpr counter multiplies a scanned body by its length: 10 blocks of a 64 x 256 @ 256 x 256 matmul + tanh."
    import jax
    import jax.numpy as jnp
    flops = load("flops")
    ws, x = jnp.ones((10, 256, 256)), jnp.ones((64, 256))
    f = lambda ws, x: jax.lax.scan(lambda x, w: (jnp.tanh(x @ w), None), x, ws)[0]
    assert flops.count_flops(f, ws, x) == 10 * (2 * 64 * 256 * 256 + 64 * 256)


def test_gate_shape_only(capsys, monkeypatch):
    "The embedding gate's cost against a gated map and a dot product (issue 11), on a 64 x 64 map."
    monkeypatch.setattr(sys, "argv", ["gate.py", "--dry"])
    load("gate").main()
    out = capsys.readouterr().out
    assert "similarity, raw map (gate inside) / already gated" in out and "load average" in out


@pytest.mark.parametrize("name", ["tiny", "small"])
def test_torch_reference_has_our_widths(name):
    "benchmarks/torch_ref.py builds a model with exactly as many parameters as ours (same widths; skipped without torch)."
    pytest.importorskip("torch")
    from alphaearth_nb.model import param_count, preset
    ref = load("torch_ref")
    assert sum(p.numel() for p in ref.Model(preset(name)).parameters()) == param_count(name)["total"]
