"""`aef embed --checkpoint RUN` of a run stopped before its first checkpoint (killed: metrics.jsonl, no checkpoint) said
'no complete checkpoint: train first' though it trained (newcomer s54, item 10): it now names the run's last step and
`aef train --out RUN --resume`."""
import json

from alphaearth_nb.checkpoint import RUN_MARKER, run_folder
from alphaearth_nb.cli import main


def test_a_stopped_run_is_named_with_its_resume(tmp_path, capsys):
    out = tmp_path / "run"
    with run_folder(out): pass
    (out / RUN_MARKER).write_text(json.dumps({"kind": "run", "settings": {"preset": "tiny", "train": {"steps": 2000}}}))
    (out / "metrics.jsonl").write_text("".join(json.dumps({"step": s, "loss": 1.0}) + "\n" for s in range(1, 169)))
    assert main(["embed", "--checkpoint", str(out), "--data", "samples", "--period", "2024",
                 "--out", str(tmp_path / "e.zarr")]) == 2
    err = capsys.readouterr().err
    assert "stopped at step 168 before its first checkpoint" in err and f"aef train --out {out} --resume" in err, err
    assert "train first" not in err, err
