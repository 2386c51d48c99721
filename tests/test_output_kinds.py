"""Nothing lost on disk (kind E): `overwrite=True` replaced an output of ours of another kind. `to_zarr(path,
overwrite=True)` or `embed_to_zarr` onto a scene or corpus folder (hours of generation) swapped it for an embedding
store, and `write_scene`/`aef demo` onto an embedding store replaced it, all without a word: a typo in a path. An
output of ours is replaced only by one of its own kind (the marker's `what`), as a training run already was."""
import json

import pytest

from alphaearth_nb.core import NotOursError
from alphaearth_nb.files import MARKER, writing_folder
from alphaearth_nb.testing import embedding_from_array, random_unit


def _folder(path, what):
    with writing_folder(path, what=what, meta={"kind": what}) as tmp: (tmp / "work.txt").write_text("hours of it")
    return path


def test_overwrite_replaces_only_its_own_kind(tmp_path):
    e = embedding_from_array(random_unit((6, 5), seed=1))
    for what in ("scene", "corpus", "demo"):
        d = _folder(tmp_path / what, what)
        with pytest.raises(NotOursError, match=f"holds an? {what} that alphaearth_nb wrote, not an embedding store"):
            e.aef.to_zarr(d, overwrite=True)
        assert (d / "work.txt").read_text() == "hours of it"
    st = tmp_path / "emb.zarr"; e.aef.to_zarr(st)
    with pytest.raises(NotOursError, match="holds an embedding store that alphaearth_nb wrote, not a scene"):
        with writing_folder(st, overwrite=True, what="scene"): pass
    assert json.loads((st / MARKER).read_text())["what"] == "embedding store"
    e.aef.to_zarr(st, overwrite=True)   # its own kind: replaced
    (st / MARKER).write_text(json.dumps({"complete": True}) + "\n")   # an older marker that does not say: as before
    e.aef.to_zarr(st, overwrite=True)
