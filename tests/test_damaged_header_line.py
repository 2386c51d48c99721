"""A checkpoint's `.eqx` whose first line (the copy of its header, written with it) was damaged in place is named as
damaged, not as 'another file under this name' (checkpoint._other_leaves): a changed byte leaves the file at the size
its `.json` records, and a line damaged but for its end still names our format. A file of another size that names
nothing of ours is still another file. Loading the folder falls back to the older checkpoint, saying so."""
import warnings

import jax.numpy as jnp
import pytest

from alphaearth_nb.checkpoint import load_checkpoint, save_checkpoint, verify_checkpoint
from alphaearth_nb.core import DamagedCheckpointError


@pytest.fixture
def two(tmp_path):
    "Checkpoints of steps 1 and 2 in tmp_path; the newest's (.json, .eqx bytes)."
    for k in (1, 2): p = save_checkpoint(tmp_path, {"w": jnp.ones(3)}, step=k)
    return p, bytearray(p.with_suffix(".eqx").read_bytes())


def test_a_changed_byte_in_the_header_line_is_damage(two):
    p, b = two
    b[0] = ord("x")   # '{' -> 'x': the header line no longer reads, the size is the one written
    p.with_suffix(".eqx").write_bytes(bytes(b))
    with pytest.raises(DamagedCheckpointError, match="is damaged: its first line") as e: verify_checkpoint(p)
    assert "another file under this name" not in str(e.value) and "the size written" in str(e.value)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        _, h = load_checkpoint(p.parent, {"w": jnp.zeros(3)})
    assert h["step"] == 1 and any("is damaged: its first line" in str(x.message) for x in w)


def test_a_damaged_header_line_with_bytes_added_is_damage(two):
    p, b = two
    b[0] = ord("x")
    p.with_suffix(".eqx").write_bytes(bytes(b) + b"more")   # another size, but the line names our format still
    with pytest.raises(DamagedCheckpointError, match="still names this checkpoint") as e: verify_checkpoint(p)
    assert "another file under this name" not in str(e.value)


def test_a_file_of_another_size_naming_nothing_of_ours_is_another_file(two):
    p, b = two
    p.with_suffix(".eqx").write_bytes(b"PK\x03\x04 a zip archive\n" + bytes(len(b)))   # longer, no header of ours
    with pytest.raises(DamagedCheckpointError, match="another file under this name"): verify_checkpoint(p)
