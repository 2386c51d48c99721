"benchmarks/train_step.py's `--profile` sorts XLA:CPU's thunks by kind (session 30): YNNPACK fusions by what they hold, XLA's loop fusions by their ops."
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"

HLO = """\
%fused_computation.1 (param_0: f32[8,32,32,32], param_1: f32[3,3,32,32]) -> f32[8,32,32,32] {
  %param_0 = f32[8,32,32,32]{3,2,1,0} parameter(0)
  %param_1 = f32[3,3,32,32]{3,2,1,0} parameter(1)
  ROOT %convolution.1 = f32[8,32,32,32]{3,2,1,0} convolution(%param_0, %param_1), window={size=3x3 pad=1_1x1_1}, dim_labels=b01f_01io->b01f
}

%fused_computation.2 (param_0.2: f32[32,18,18,16], param_1.2: f32[32,16,16,16]) -> (f32[16,16,16], f32[16,16,16]) {
  %param_0.2 = f32[32,18,18,16]{3,2,1,0} parameter(0)
  %slice.1 = f32[32,16,16,16]{3,2,1,0} slice(%param_0.2), slice={[0:32], [0:16], [0:16], [0:16]}
  %param_1.2 = f32[32,16,16,16]{3,2,1,0} parameter(1)
  %mul.1 = f32[32,16,16,16]{3,2,1,0} multiply(%slice.1, %param_1.2)
  %constant.1 = f32[] constant(0)
  ROOT %reduce.1 = (f32[16,16,16]{2,1,0}, f32[16,16,16]{2,1,0}) reduce(%mul.1, %mul.1, %constant.1, %constant.1), dimensions={0}, to_apply=%add_pair
}

%fused_computation.3 (param_0.3: f32[8,32,32,32]) -> f32[32,32,32,8] {
  %param_0.3 = f32[8,32,32,32]{3,2,1,0} parameter(0)
  ROOT %transpose.1 = f32[32,32,32,8]{3,2,1,0} transpose(%param_0.3), dimensions={1,2,3,0}
}

%fused_computation.4 (param_0.4: f32[32,16,16,16]) -> f32[32,18,18,16] {
  %param_0.4 = f32[32,16,16,16]{3,2,1,0} parameter(0)
  %constant.4 = f32[] constant(0)
  ROOT %pad.1 = f32[32,18,18,16]{3,2,1,0} pad(%param_0.4, %constant.4), padding=0_0x1_1x1_1x0_0
}

%fused_computation.5 (param_0.5: f32[32,16,16,32]) -> f32[32,16,16,32] {
  %param_0.5 = f32[32,16,16,32]{3,2,1,0} parameter(0)
  ROOT %tanh.1 = f32[32,16,16,32]{3,2,1,0} tanh(%param_0.5)
}

ENTRY %main.1 (p0: f32[8,32,32,32], p1: f32[3,3,32,32], p2: f32[32,16,16,16], p3: f32[64,64]) -> f32[64,64] {
  %ynn_fusion.7 = f32[8,32,32,32]{3,2,1,0} fusion(%p0, %p1), kind=kCustom, calls=%fused_computation.1, backend_config={"fusion_config":{"kind":"__ynn_fusion"}}
  %multiply_reduce_fusion.3 = (f32[16,16,16]{2,1,0}, f32[16,16,16]{2,1,0}) fusion(%pad_fusion, %p2), kind=kLoop, calls=%fused_computation.2
  %transpose_copy_fusion.1 = f32[32,32,32,8]{3,2,1,0} fusion(%p0), kind=kLoop, calls=%fused_computation.3
  %pad_fusion = f32[32,18,18,16]{3,2,1,0} fusion(%p2), kind=kLoop, calls=%fused_computation.4
  %tanh_fusion = f32[32,16,16,32]{3,2,1,0} fusion(%p2), kind=kLoop, calls=%fused_computation.5
  ROOT %dot.4 = f32[64,64]{1,0} dot(%p3, %p3), lhs_contracting_dims={0}, rhs_contracting_dims={0}
}
"""


@pytest.fixture(scope="module")
def train_step(load_script):
    "benchmarks/train_step.py as a module (its folder on the path while it loads, for its own imports)."
    return load_script(BENCH / "train_step.py", "bench_train_step")


def test_thunk_kinds_of_a_compiled_module(train_step):
    "A YNNPACK convolution, a loop fusion whose root is a two-output reduce (a tuple shape: the depthwise tap sums), " \
    "a transpose, a pad, an element-wise loop and Eigen's dot each get their kind."
    kinds = train_step._thunk_kinds(HLO)
    assert kinds["ynn_fusion.7"] == "ynn_convolution"
    assert kinds["multiply_reduce_fusion.3"] == "loop_reduce"
    assert kinds["transpose_copy_fusion.1"] == "loop_transpose"
    assert kinds["pad_fusion"] == "loop_copy"
    assert kinds["tanh_fusion"] == "loop_elementwise"
    assert kinds["dot.4"] == "dot"


def test_shortest_runs_by_kind_and_line(train_step):
    "`--profile N --thunks K` sums each thunk's shortest run (times its runs a step) by kind and source line (session " \
    "31): a thunk run twice a step counts twice, a container (cond, while, call) not at all, a thunk with no source " \
    "line under '?'."
    ts = train_step
    n = 4  # steps traced
    low = {"tanh_fusion": 100, "tanh_fusion.2": 50, "ynn_fusion.7": 1000, "cond.1": 5000, "transpose_copy_fusion.1": 30}
    per_n = {"tanh_fusion": 4, "tanh_fusion.2": 8, "ynn_fusion.7": 4, "cond.1": 4, "transpose_copy_fusion.1": 4}
    kinds = ts._thunk_kinds(HLO)
    kinds["tanh_fusion.2"] = "loop_elementwise"
    src = {"tanh_fusion": ("bwd", "nn.py:229 Norm.__call__"), "tanh_fusion.2": ("bwd", "nn.py:229 Norm.__call__"),
           "ynn_fusion.7": ("fwd", "nn.py:388 conv3")}
    sums, count = ts._shortest_by(low, per_n, n, lambda name: (kinds.get(name, "?"),) + src.get(name, ("", "?")))
    assert sums == {("loop_elementwise", "bwd", "nn.py:229 Norm.__call__"): 100 + 2 * 50,
                    ("ynn_convolution", "fwd", "nn.py:388 conv3"): 1000, ("loop_transpose", "", "?"): 30}
    assert count[("loop_elementwise", "bwd", "nn.py:229 Norm.__call__")] == 2
    by_kind, _ = ts._shortest_by(low, per_n, n, lambda name: kinds.get(name, "?"))
    assert by_kind == {"loop_elementwise": 200, "ynn_convolution": 1000, "loop_transpose": 30}
