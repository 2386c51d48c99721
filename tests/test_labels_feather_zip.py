"""`aef evaluate --labels l.feather` says it is a Feather table and gives the line converting it to Parquet (which
runs; --labels l.parquet then scores as the CSV does), as --embeddings e.feather does (40c9d3a3); `--labels l.zip`
(and `--embeddings e.zip`, `classify(emb, 'l.zip')`) read the one table the zip holds, a zip of several is refused
naming them (read_table's rule, f314d0c4). Was (9448032a): both '--labels l.feather/l.zip cannot be opened as a
netCDF/zarr dataset (ValueError: did not find a match in any of xarray's currently installed IO backends ...)'."""
import shlex
import subprocess
import sys
import zipfile

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.loaders import table_suffix

pytest.importorskip("pyarrow")


def _points(store_and_gdf, tmp_path):
    store, g = store_and_gdf
    df = pd.DataFrame({"x": g.geometry.x, "y": g.geometry.y, "label": g["label"]})
    df.to_csv(tmp_path / "l.csv", index=False)
    return store, df


def test_feather_labels_are_named_and_their_line_converts(tmp_path, evaluate_cli, labelled_store):
    store, df = _points(labelled_store, tmp_path)
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "l.csv"))
    assert rc == 0, err
    df.to_feather(p := tmp_path / "l.feather")
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(p))
    assert rc == 2 and f"--labels {p} is a Feather (Arrow IPC) table" in err and "netCDF" not in err, err
    assert f"then --labels {tmp_path / 'l.parquet'}" in err, err
    line = err.split("`python -c ")[1].split("`")[0]
    subprocess.run([sys.executable, "-c", shlex.split(line)[0]], check=True)
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "l.parquet"))
    assert rc == 0 and out == want, err


def test_zip_labels_are_the_table_they_hold(tmp_path, evaluate_cli, labelled_store):
    store, df = _points(labelled_store, tmp_path)
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "l.csv"))
    with zipfile.ZipFile(tmp_path / "l.zip", "w") as z:
        z.writestr("__MACOSX/._l.csv", b"\x00\x05\x16\x07junk"); z.write(tmp_path / "l.csv", "data/l.csv")
    assert table_suffix(tmp_path / "l.zip") == ".csv"
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "l.zip"))
    assert rc == 0 and out == want, err
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as z:
        z.write(tmp_path / "l.csv", "a.csv"); z.write(tmp_path / "l.csv", "b.csv")
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "two.zip"))
    assert rc == 2 and "two.zip holds 2 files (a.csv, b.csv), not one table" in err and "netCDF" not in err, err


def test_zip_embeddings_and_classify_read_the_table(tmp_path, evaluate_cli):
    from alphaearth_nb.testing import embedding_from_array, random_unit
    rng = np.random.default_rng(0)
    t = pd.DataFrame(rng.standard_normal((40, 64)).astype("float32"), columns=[f"A{i:02d}" for i in range(64)])
    t["label"] = np.repeat(["a", "b"], 20)
    t.to_csv(tmp_path / "e.csv", index=False)
    with zipfile.ZipFile(tmp_path / "e.zip", "w") as z: z.write(tmp_path / "e.csv", "e.csv")
    rc, want, err = evaluate_cli("--embeddings", str(tmp_path / "e.csv"))
    rc, out, err = evaluate_cli("--embeddings", str(tmp_path / "e.zip"))
    assert rc == 0 and out == want, err
    e = embedding_from_array(random_unit((6, 8), seed=2))
    pts = pd.DataFrame({"x": e.x.values[[1, 3, 5]], "y": e.y.values[[0, 2, 4]], "label": [1, 2, 1]})
    pts.to_csv(tmp_path / "p.csv", index=False)
    with zipfile.ZipFile(tmp_path / "p.zip", "w") as z: z.write(tmp_path / "p.csv", "p.csv")
    np.testing.assert_array_equal(e.aef.classify(str(tmp_path / "p.zip"), k=1)["class"].values,
                                  e.aef.classify(str(tmp_path / "p.csv"), k=1)["class"].values)
