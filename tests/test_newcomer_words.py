"""Three things a newcomer met in session 34: the demo's loss figure drew two of its 11 terms alike (the 10-colour
cycle came round: 'CLIP (text alignment)' and 'uniformity' both blue); the path advice named
`aef.labels.read_table`, which now lives in `tables` (the README lists it there); a store whose write died was told to
be written again with `exports.to_zarr` only, where an `embed_to_zarr` / `aef embed` store is written by those."""
import matplotlib
matplotlib.use("Agg")
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import stores, train
from alphaearth_nb.core import DTypeError, MissingDataError
from alphaearth_nb.knn import knn_search


def test_no_two_loss_terms_drawn_alike():
    terms = [f"term{i}" for i in range(12)]
    history = [{"step": s, "loss": 1.0 / (s + 1), **{t: (i + 1) / (s + 1) for i, t in enumerate(terms)}} for s in range(5)]
    fig = train.plot_history(history, smooth=2)
    lines = [l for ax in fig.axes for l in ax.get_lines() if l.get_label() in terms]   # one panel since session 37
    assert len(lines) == 12
    looks = {(matplotlib.colors.to_hex(l.get_color()), l.get_linestyle()) for l in lines}
    assert len(looks) == 12


def test_a_table_path_is_told_tables_read_table(tmp_path):
    p = tmp_path / "v.csv"
    p.write_text("a,b\n1,2\n")
    with pytest.raises(DTypeError, match=r"aef\.tables\.read_table\(path\)") as e:
        knn_search(str(p), np.zeros((1, 64), np.float32), k=1)
    assert "aef.labels.read_table" not in str(e.value)


def test_a_dead_store_names_the_writers_of_embeddings(tmp_path):
    s = tmp_path / "e.zarr"
    xr.Dataset({"v": ("x", np.arange(3.0))}).to_zarr(s)   # a store without our completion marker
    with pytest.raises(MissingDataError, match="embed_to_zarr") as e:
        stores.open_zarr(s)
    assert "aef embed" in str(e.value) and "exports.to_zarr" in str(e.value)
