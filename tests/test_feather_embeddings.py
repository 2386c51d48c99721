"""`aef evaluate --embeddings x.feather` (Arrow IPC) says it is a Feather table and gives the python -c line that
converts it to Parquet; the line runs and aef evaluate reads its Parquet. Was: 'a binary file of no form'."""
import shlex, subprocess, sys
import numpy as np, pandas as pd, pytest
from alphaearth_nb.cli import main

pytest.importorskip("pyarrow")

def test_feather_is_named_and_its_line_converts(tmp_path, capsys):
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.standard_normal((40, 64)).astype("float32"), columns=[f"A{i:02d}" for i in range(64)])
    df["label"] = np.repeat(["a", "b"], 20)
    (p := tmp_path / "e.feather")
    df.to_feather(p)
    assert main(["evaluate", "--embeddings", str(p)]) == 2
    err = capsys.readouterr().err
    assert f"--embeddings {p} is a Feather (Arrow IPC) table" in err and "binary file of no form" not in err, err
    line = err.split("`python -c ")[1].split("`")[0]
    subprocess.run([sys.executable, "-c", shlex.split(line)[0]], check=True)
    assert pd.read_parquet(tmp_path / "e.parquet").equals(df)
    assert f"then --embeddings {tmp_path / 'e.parquet'}" in err, err
