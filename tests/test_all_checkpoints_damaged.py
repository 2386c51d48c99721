"""Every checkpoint of a run damaged, read as a user who has just lost a run: one error saying what happened to
each (no 'load an older checkpoint' where none is whole, no warning repeating each before it), what is kept (the
files, left as they are) and the next command (copy the run again, or `aef train --out RUN --overwrite` /
`fit(..., overwrite=True)`). Was: a warning per checkpoint ('... load an older checkpoint, or copy it again. No older
checkpoint is whole either.') and an error whose 'newest' cause again said 'load an older checkpoint'."""
import warnings

import equinox as eqx
import jax
import jax.numpy as jnp
import pytest

from alphaearth_nb.checkpoint import load_checkpoint, save_checkpoint
from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import DamagedCheckpointError


def _tree(k=1):
    return {"layer": eqx.nn.Linear(3, 2, key=jax.random.key(k)), "count": jnp.arange(4)}


def test_every_checkpoint_damaged_is_one_error_with_the_way_on(tmp_path):
    ck = tmp_path / "run" / "checkpoints"
    for k in (10, 20): save_checkpoint(ck, _tree(k), {}, step=k)
    for k in (10, 20):   # both copies cut short
        leaves = ck / f"ckpt_{k:08d}.eqx"
        leaves.write_bytes(leaves.read_bytes()[:-8])
    before = sorted(p.name for p in ck.iterdir())
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        with pytest.raises(DamagedCheckpointError) as e:
            load_checkpoint(ck, eqx.filter_eval_shape(lambda: _tree(0)))
    msg = str(e.value)
    assert not got, [str(w.message) for w in got]                  # said once, in the error
    assert "load an older checkpoint" not in msg, msg             # there is none
    assert "ckpt_00000020.eqx" in msg and "ckpt_00000010.eqx" in msg and "cut short" in msg, msg
    assert "left as they are" in msg, msg                          # what is kept
    assert sorted(p.name for p in ck.iterdir()) == before          # and it is
    assert f"aef train --out {tmp_path / 'run'} --overwrite" in shell_words(msg), shell_words(msg)
    assert "overwrite=True" in msg, msg
