"""`aef` errors read as one sentence: the problem, a colon, the fix; no full stop before a lower-case word (outside
code in backticks, 'e.g.' and 'i.e.'). Was: 'aef: error: no complete checkpoint in DIR. train first (...)' for
`aef embed --checkpoint` of a folder without checkpoints (checkpoint._none_complete joined its parts with '. ')."""
import re

import pytest

from alphaearth_nb.checkpoint import load_checkpoint
from alphaearth_nb.cli import main
from alphaearth_nb.core import CheckpointError


def stray_stops(msg:str) -> list:
    "The places in `msg` where a full stop is followed by a lower-case word (code in backticks left out)."
    text = re.sub(r"`[^`]*`", "``", msg)
    return [m.group(0) for m in re.finditer(r"(\S*)\. [a-z]\w*", text) if not m.group(1).endswith(("e.g", "i.e"))]


def _aef(argv, capsys) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("aef: error: "), err
    return err[0]


@pytest.mark.parametrize("leaves", [(), ("ckpt_3.eqx",)])
def test_embed_without_a_checkpoint_says_one_sentence(tmp_path, capsys, leaves):
    run = tmp_path / "run"; run.mkdir()
    for n in leaves: (run / n).write_bytes(b"\0" * 8)   # leaves of no header of ours
    line = _aef(["embed", "--checkpoint", str(run), "--period", "2024", "--out", str(tmp_path / "e.zarr"),
                 "--data", "samples"], capsys)
    assert f"no complete checkpoint in {run}: " in line, line
    assert not stray_stops(line), (stray_stops(line), line)
    if not leaves: assert line.endswith("train first (`aef train --out`).")   # the command, not `fit(...)`, line


def test_load_checkpoint_names_the_fix_after_a_colon(tmp_path):
    with pytest.raises(CheckpointError) as e: load_checkpoint(tmp_path, None)
    assert str(e.value) == f"no complete checkpoint in {tmp_path}: train first (`aef.fit(..., out=...)`, `aef train --out`).", e.value


@pytest.mark.parametrize("argv", [
    ["embed", "--checkpoint", "{tmp}/nope", "--period", "2024", "--out", "{tmp}/e.zarr", "--data", "samples"],
    ["embed", "--checkpoint", "{tmp}", "--period", "2024", "--out", "{tmp}/e.zarr", "--data", "{tmp}/x.zarr"],
    ["embed", "--checkpoint", "{tmp}", "--period", "24", "--out", "{tmp}/e.zarr", "--data", "samples"],
    ["evaluate", "--embeddings", "{tmp}/none.csv"],
    ["train", "--data", "{tmp}/none.zarr", "--out", "{tmp}/run"],
    ["embed", "--checkpoint", "{tmp}", "--period", "2024", "--data", "samples"],
])
def test_other_cli_errors_have_no_stray_full_stop(tmp_path, capsys, argv):
    argv = [a.format(tmp=tmp_path) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("aef: error: ") and not stray_stops(err), err
