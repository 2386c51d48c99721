"Slips a user makes calling checkpoint's functions are named with the fix before anything is read or written: a " \
"skeleton with no array (`load_checkpoint(run, 'tiny')` gave back 'tiny' as the state), a `meta` that is no dict or " \
"that writes over the header's own fields (its checkpoint then unreadable as ours), a state with no `.step` and no " \
"`step=` (AttributeError), a folder where one checkpoint file is wanted ('a suffix-less file')."
import numpy as np
import pytest

from alphaearth_nb.checkpoint import load_checkpoint, read_header, save_checkpoint, verify_checkpoint
from alphaearth_nb.core import CheckpointError, ConfigError


@pytest.fixture
def ck(tmp_path):
    save_checkpoint(tmp_path / "ck", {"w": np.zeros(3, np.float32)}, {"preset": "tiny"}, step=2)
    return tmp_path / "ck"


@pytest.mark.parametrize("like", ["tiny", None, {"w": "float32"}])
def test_a_skeleton_without_arrays_is_refused(ck, like):   # was: like given back as the state
    with pytest.raises(CheckpointError, match=r"holds no array to read the checkpoint's leaves into: pass the skeleton"):
        load_checkpoint(ck, like)


def test_a_skeleton_of_shapes_loads(ck):
    import jax
    state, header = load_checkpoint(ck, {"w": jax.ShapeDtypeStruct((3,), np.float32)})
    assert np.array_equal(state["w"], np.zeros(3)) and header["step"] == 2


@pytest.mark.parametrize("meta, words", [
    ("run one", r"meta is str: pass a dict of header fields, e\.g\. meta=\{'note': 'run one'\}"),
    ({"format": "mine/2"}, r"meta holds 'format', which the header writes itself"),
    ({"step": 99, "sha256": "x"}, r"meta holds 'sha256', 'step', .*the step is the step= argument"),
])
def test_meta_is_a_dict_of_fields_of_ones_own(tmp_path, meta, words):
    with pytest.raises(ConfigError, match=words):
        save_checkpoint(tmp_path / "ck", {"w": np.zeros(3)}, meta, step=5)
    assert not (tmp_path / "ck").exists()


def test_a_state_without_a_step_needs_step(tmp_path):   # was: AttributeError 'dict' object has no attribute 'step'
    with pytest.raises(ConfigError, match=r"a dict has no step \(a TrainState has\): pass e\.g\. step=0"):
        save_checkpoint(tmp_path / "ck", {"w": np.zeros(3)})


@pytest.mark.parametrize("read", [read_header, verify_checkpoint])
def test_a_folder_is_not_a_suffix_less_file(ck, read):
    with pytest.raises(CheckpointError) as e: read(ck)
    msg = str(e.value)
    assert "suffix-less" not in msg and f"{ck} is a folder" in msg and f"the newest: {ck / 'ckpt_00000002.json'}" in msg
