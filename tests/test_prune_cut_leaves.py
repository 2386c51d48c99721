"Pruning counts a checkpoint whose leaves were cut short (a `.eqx` smaller than its header's `bytes`) as damaged, not sound (checkpoint, field case E5)."
import warnings

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb.checkpoint import load_checkpoint, save_checkpoint


def _tree(k):
    return {"layer": eqx.nn.Linear(3, 2, key=jax.random.key(k)), "count": jnp.arange(4)}


LIKE = eqx.filter_eval_shape(lambda: _tree(0))


@pytest.mark.parametrize("cut", [0, 0.5])   # a copy cut to 0 bytes (a full disk at open), or halfway
def test_a_cut_eqx_counts_for_nothing_when_pruning(tmp_path, cut):
    for k in (10, 20, 30): save_checkpoint(tmp_path, _tree(k), step=k)
    leaves = tmp_path / "ckpt_00000030.eqx"; raw = leaves.read_bytes()
    leaves.write_bytes(raw[:int(len(raw) * cut)])              # 30: header whole, leaves cut short
    save_checkpoint(tmp_path, _tree(40), step=40, keep=2)      # keep 2 sound ones: 40 and 20 (30 counts for nothing)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["ckpt_00000020.eqx", "ckpt_00000020.json", "ckpt_00000030.eqx", "ckpt_00000030.json",
                     "ckpt_00000040.eqx", "ckpt_00000040.json"]   # was: 20 pruned, 30 kept as if sound
    (tmp_path / "ckpt_00000040.eqx").write_bytes(b"")          # the newest damaged too: the folder still loads
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        state, header = load_checkpoint(tmp_path, LIKE)
    assert header["step"] == 20 and np.array_equal(state["layer"].weight, _tree(20)["layer"].weight)
    assert any("Falling back to ckpt_00000020.json" in str(x.message) for x in w)
