"""The TPU tutorial's launch (nbs/tutorials/05_corpus section 6) is one script run after every pre-emption: it calls
`cli.main([...], sigterm=True)`, so the SIGTERM a pre-empted VM gets ends the run as Ctrl-C does (exit 143, the way
on said, the run's lock released), and it passes `--resume` only once the run's folder exists. Was: `cli.main([...])`
left SIGTERM to Python (killed at once: exit 143 with no word, the lock left, metrics behind), and the script always
passed `--resume`, which a first launch is refused ('does not exist, so there is no run to resume')."""
import json
import os
import signal
import time
from pathlib import Path

import jax
import pytest

from alphaearth_nb import cli, train
from alphaearth_nb.checkpoint import RUN_MARKER, run_folder
from alphaearth_nb.runlock import LOCK

ROOT = Path(__file__).resolve().parents[1]


def _script() -> str:
    cells = json.loads((ROOT / "nbs" / "tutorials" / "05_corpus.ipynb").read_text())["cells"]
    text = next("".join(c["source"]) for c in cells if "cat > train_tpu.py" in "".join(c["source"]))
    return text.split("cat > train_tpu.py <<'PY'\n", 1)[1].split("\nPY\n", 1)[0]


def test_the_tutorials_script_launches_the_same_way_every_time(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(jax.distributed, "initialize", lambda *a, **k: None)   # one host here
    monkeypatch.setattr(cli, "main", lambda argv, **k: calls.append((argv, k)) or 0)
    monkeypatch.setenv("HOME", str(tmp_path))
    for _ in range(2):
        with pytest.raises(SystemExit) as e: exec(compile(_script(), "train_tpu.py", "exec"), {"__name__": "__main__"})
        assert e.value.code == 0
        (tmp_path / "shared" / "run").mkdir(parents=True, exist_ok=True)
        (tmp_path / "shared" / "run" / ".aef-run").write_text('{"kind": "run"}')   # the first launch began the run
    (first, k1), (later, k2) = calls
    assert "--resume" not in first and later[-1] == "--resume" and first == later[:-1], calls
    assert k1 == k2 == {"sigterm": True}, calls
    assert first[first.index("--out") + 1] == str(tmp_path / "shared" / "run")


def test_main_of_a_list_handles_sigterm_when_asked(tmp_path, monkeypatch, capsys):
    out = tmp_path / "run"
    def preempted(model, data, out=None, config=None, **k):   # the run begun, its settings recorded, then the VM's SIGTERM
        out = Path(out)
        with run_folder(out):
            (out / RUN_MARKER).write_text(json.dumps({"kind": "run", "settings": {"preset": "tiny"}}))   # as `fit` does
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(30)
        raise AssertionError("not stopped")
    monkeypatch.setattr(train, "fit", preempted)
    before = signal.getsignal(signal.SIGTERM)
    argv = ["--no-compile-cache", "train", "--preset", "tiny", "--steps", "3000", "--out", str(out)]
    assert cli.main(argv, sigterm=True) == 143
    err = capsys.readouterr().err
    assert (f"aef: terminated (SIGTERM): it wrote no checkpoint yet (one every 300 steps): `aef train --out {out} "
            "--resume` starts it over at step 0 with the settings it recorded") in err, err
    assert not (out / LOCK).exists()   # released as it unwound
    assert signal.getsignal(signal.SIGTERM) is before   # the caller's handler put back
