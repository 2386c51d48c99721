"""benchmarks/train_step.py's `--profile` names the line of the transposes XLA:CPU inserts with no metadata (session 53):
small's 95 "loop_transpose ?" thunks are the layouts of conv3's weight-gradient operands (each chunk of frames with
the frames minor) and of its kernel, so each takes the line of the thunk it feeds, marked as a layout."""
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"

HLO = """\
HloModule jit__step

FileNames
1 "/x/alphaearth_nb/convs.py"
2 "/x/alphaearth_nb/nn.py"

FunctionNames
1 "_conv3_any"
2 "_dense"

FileLocations
1 {file_name_id=1 function_name_id=1 line=157 end_line=157 column=1 end_column=2}
2 {file_name_id=2 function_name_id=2 line=180 end_line=180 column=1 end_column=2}

StackFrames
1 {file_location_id=1 parent_frame_id=1}
2 {file_location_id=2 parent_frame_id=1}

%fused_computation.1 (param_0.1: f32[8,16,16,32]) -> f32[32,16,16,8] {
  %param_0.1 = f32[8,16,16,32]{3,2,1,0} parameter(0)
  ROOT %transpose.1 = f32[32,16,16,8]{3,2,1,0} transpose(%param_0.1), dimensions={3,1,2,0}
}

ENTRY %main.1 (p0: f32[8,16,16,32], p1: f32[16,16,8,64], p2: f32[64,64]) -> f32[64,64] {
  %p0 = f32[8,16,16,32]{3,2,1,0} parameter(0)
  %p1 = f32[16,16,8,64]{3,2,1,0} parameter(1)
  %p2 = f32[64,64]{1,0} parameter(2)
  %transpose_copy_fusion.2 = f32[32,16,16,8]{3,2,1,0} fusion(%p0), kind=kLoop, calls=%fused_computation.1
  %bitcast.9 = f32[32,16,16,8]{3,2,1,0} bitcast(%transpose_copy_fusion.2)
  %ynn_fusion.3 = f32[32,3,3,64]{3,2,1,0} fusion(%bitcast.9, %p1), kind=kCustom, calls=%fused_computation.1, metadata={op_name="jit(_step)/transpose(jvp(jit(block)))/conv_general_dilated" stack_frame_id=1}
  %copy_fusion.5 = f32[64,64]{0,1} fusion(%p2), kind=kLoop, calls=%fused_computation.1
  ROOT %dot.4 = f32[64,64]{1,0} dot(%p2, %p2), lhs_contracting_dims={0}, rhs_contracting_dims={0}, metadata={op_name="jit(_step)/jvp()/dot_general" stack_frame_id=2}
}
"""


@pytest.fixture(scope="module")
def train_step(load_script):
    "benchmarks/train_step.py as a module (its folder on the path while it loads, for its own imports)."
    return load_script(BENCH / "train_step.py", "bench_train_step_layouts")


def test_inserted_transpose_takes_the_line_it_feeds(train_step):
    "A transpose fusion with no metadata that feeds (through a bitcast) a weight-gradient convolution is read as " \
    "that convolution's operand layout, in its direction; thunks with their own frames keep their own lines."
    src = train_step._hlo_sources(HLO)
    assert src["transpose_copy_fusion.2"] == ("bwd", "convs.py:157 _conv3_any" + train_step.LAYOUT)
    assert src["ynn_fusion.3"] == ("bwd", "convs.py:157 _conv3_any")
    assert src["dot.4"] == ("fwd", "nn.py:180 _dense")


def test_a_copy_feeding_no_attributed_thunk_stays_unattributed(train_step):
    "A copy whose users carry no line (none here) stays out of the table (the profile's '?')."
    assert "copy_fusion.5" not in train_step._hlo_sources(HLO)
