"""`aef embed --period 2030` of the sample scene (frames of 2023-2024) is refused (PeriodError, exit 2) before the
command prints a word of its plan; a period longer than a year that is out of reach too (the note on periods over a
year came first). Was: 'aef embed: embedding the sample scene ... over 2030-01-01 .. 2031-01-01 ...' then the error.
A period within reach still prints its plan and embeds (embed_to_zarr, stood in for here)."""
import pytest

from alphaearth_nb import embed_cmd
from alphaearth_nb.cli import main


class _Model:   # what aef embed reads of a model: its inputs and targets (no training needed)
    cfg = type("C", (), {"inputs": ("sentinel2",), "targets": ("sentinel2",)})


@pytest.fixture
def run(monkeypatch, capsys, tmp_path):
    reached = []
    monkeypatch.setattr(embed_cmd, "open_input", lambda *a, **k: _Model)
    monkeypatch.setattr(embed_cmd, "embed_to_zarr", lambda *a, **k: reached.append(a[2]) or tmp_path / "e.zarr")
    def go(period):
        rc = main(["embed", "--checkpoint", str(tmp_path), "--period", period, "--out", str(tmp_path / "e.zarr")])
        out = capsys.readouterr()
        return rc, out.err, reached
    return go


@pytest.mark.parametrize("period", ["2030", "2030,2032"])
def test_a_period_out_of_reach_says_nothing_first(run, period):
    rc, err, reached = run(period)
    lines = [l for l in err.splitlines() if l.strip()]
    assert rc == 2 and not reached, err
    assert lines[0].startswith("aef: error:") and "beyond the data's support period" in err, err
    assert "aef embed: embedding" not in err and "aef: note" not in err, err


def test_a_period_in_reach_still_runs(run):
    rc, err, reached = run("2024")
    assert rc == 0 and len(reached) == 1 and "aef embed: embedding the sample scene" in err, err
