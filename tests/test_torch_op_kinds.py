"benchmarks/torch_ref.op_kind: torch_ref's profiled ops summed by the kinds our thunks are read in (issue 16: where the small step loses to torch, kind by kind)."
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def ref(load_script):
    pytest.importorskip("torch")
    return load_script(BENCH / "torch_ref.py", "bench_torch_ref")


@pytest.mark.parametrize("name, shapes, kind", [
    ("aten::mkldnn_convolution", [[64, 32, 16, 16], [64, 32, 3, 3], [64]], "conv3"),               # precision conv
    ("aten::convolution_backward", [[64, 64, 16, 16], [64, 32, 16, 16], [64, 32, 3, 3]], "conv3"),
    ("aten::convolution_backward", [[20, 32, 32, 32], [20, 32, 32, 32], [32, 32, 3, 3]], "upsample conv"),  # L x L
    ("aten::mkldnn_convolution", [[20, 32, 32, 32], [32, 32, 3, 3], [32]], "upsample conv"),
    ("aten::convolution_backward", [[64, 32, 16, 16], [64, 32, 16, 16], [32, 1, 3, 3]], "depthwise"),  # groups = c
    ("aten::mkldnn_convolution", [[64, 32, 32, 32], [32, 1, 3, 3], []], "depthwise"),           # at L x L too
    ("aten::addmm", [[64], [81920, 32], [32, 64]], "dots"),
    ("aten::_scaled_dot_product_flash_attention_for_cpu", [[2, 1, 64, 32]], "dots"),
    ("aten::native_layer_norm_backward", [[64, 16, 16, 32]], "norms"),
    ("aten::copy_", [[81920, 64], [81920, 64]], "layout"),
    ("aten::upsample_bilinear2d_backward", [[64, 32, 16, 16]], "resample"),
    ("aten::_sample_dirichlet", [[2, 32, 32, 16, 2]], "random"),
    ("Optimizer.step#AdamW.step", [], "optimiser"),
    ("aten::_foreach_mul_", [[]], "optimiser"),
    ("aten::sum", [[20, 16, 16, 16, 4, 16]], "reductions"),
    ("aten::mul", [[20, 16, 16, 16, 4, 16], [20, 1, 1, 1, 4, 16]], "element-wise"),
    ("aten::gelu_backward", [[2, 32, 32, 128], [2, 32, 32, 128]], "element-wise"),
])
def test_op_kind(ref, name, shapes, kind):
    "Each op (name, input shapes as torch.profiler records them; L = 32) is read as one kind."
    assert ref.op_kind(name, shapes, 32) == kind


def test_kinds_printed_with_the_op_profile(ref, capsys):
    "op_profile prints the per-op least self CPU summed by kind, every kind's share, on a tiny step."
    import jax
    from alphaearth_nb import samples, scene
    from alphaearth_nb.model import preset
    stack, texts, _ = scene.load_scene()
    cfg = preset("tiny")
    batch = jax.device_get(samples.Batches(stack, samples.sampler_config(cfg, "tiny"), 2, seed=0, texts=texts).batch_at(0))
    ref.op_profile(batch, cfg, steps=1, top=3)
    line = next(ln for ln in capsys.readouterr().out.splitlines() if "by kind" in ln)
    for kind in ("conv3", "upsample conv", "depthwise", "dots", "norms", "layout", "optimiser"):
        assert f" {kind} " in line
