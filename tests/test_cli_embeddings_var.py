"""aef evaluate --embeddings-var picks the embedding of a store with several variables, as --labels-var does a label
file's (session 33). Was: 'keep the one wanted (`ds[['NAME']].to_zarr(new_path)`)', Python for a shell user, and a
wrong variable name was told to 'pass --embeddings-var', a flag the command did not have."""
import numpy as np
import pandas as pd
import xarray as xr

from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_store_of_two_variables_is_read_by_the_flag(tmp_path, evaluate_cli):
    e = embedding_from_array(random_unit((12, 10), seed=1))
    one = str(to_zarr(e, tmp_path / "one.zarr"))
    two = xr.open_zarr(one, consolidated=False)
    two = two.rename({"embedding": "emb_b"}).assign(emb_a=two["embedding"] * 0 + 1 / 8)   # a second, other variable
    two.to_zarr(tmp_path / "two.zarr", consolidated=False)
    rng = np.random.default_rng(0)
    r, c = rng.integers(0, 12, 40), rng.integers(0, 10, 40)
    pd.DataFrame({"x": e.x.values[c], "y": e.y.values[r], "label": np.where(c < 5, 11, 22)}).to_csv(
        tmp_path / "p.csv", index=False)
    labels = ["--labels", str(tmp_path / "p.csv")]
    rc, want, err = evaluate_cli("--embeddings", one, *labels)
    assert rc == 0, err
    rc, _, err = evaluate_cli("--embeddings", str(tmp_path / "two.zarr"), *labels)
    assert rc == 2 and "holds 2 data variables" in err and "pass --embeddings-var NAME to pick one, e.g. " \
        "--embeddings-var " in err and "to_zarr" not in err, err
    assert evaluate_cli("--embeddings", str(tmp_path / "two.zarr"), "--embeddings-var", "emb_b", *labels)[:2] == (0, want)
    rc, _, err = evaluate_cli("--embeddings", str(tmp_path / "two.zarr"), "--embeddings-var", "zz", *labels)
    assert rc == 2 and "has no variable 'zz'" in err and "pass --embeddings-var with one of them" in err


def test_beside_a_csv_it_would_be_read_by_nothing(tmp_path, evaluate_cli):
    df = pd.DataFrame(np.eye(64, dtype=np.float32)[:4], columns=[f"A{i:02d}" for i in range(64)]).assign(label=[1, 2, 1, 2])
    df.to_csv(tmp_path / "e.csv", index=False)
    rc, _, err = evaluate_cli("--embeddings", str(tmp_path / "e.csv"), "--embeddings-var", "embedding")
    assert rc == 2 and "--embeddings-var given with --embeddings" in err and "would be read by nothing" in err, err
