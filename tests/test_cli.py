import subprocess, sys

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.cli import _parser, main, open_stack
from alphaearth_nb.core import band_names


def test_parser_knows_every_command():
    for cmd in ("demo", "train", "embed", "evaluate"):
        assert _parser().parse_args([cmd] + {"embed": ["--checkpoint", "c", "--period", "2024", "--out", "o"],
                                             "evaluate": ["--embeddings", "e.csv"]}.get(cmd, [])).cmd == cmd


def test_open_stack_names_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="--data samples"):
        open_stack(tmp_path / "missing.nc")


def test_evaluate_command_on_a_csv(tmp_path, capsys):
    # two well separated classes of unit vectors: every method should be perfect at 10 shots
    rng = np.random.default_rng(0)
    centres = np.eye(64, dtype=np.float32)[:2]
    x = centres[np.repeat([0, 1], 30)] + 0.05 * rng.normal(size=(60, 64)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    df = pd.DataFrame(x, columns=band_names()); df["label"] = np.repeat([0, 1], 30)
    df.to_csv(tmp_path / "e.csv", index=False)
    main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "10", "--folds", "5"])
    out = capsys.readouterr().out
    assert "knn1" in out and "linear" in out
    assert out.count("1.0") >= 3  # balanced accuracy 1.0 for knn1, knn3 and the probe


def test_aef_entry_point_runs():
    r = subprocess.run([sys.executable, "-c", "from alphaearth_nb.cli import main; main(['--help'])"], capture_output=True, text=True)
    assert "demo" in r.stdout and "evaluate" in r.stdout
