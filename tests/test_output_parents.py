"""One rule for the folders above an output: every writer (to_cog, map_to_cog, to_zarr, save_checkpoint, write_text;
embed_to_zarr, fit's `out` and the CLI's --out through the same helpers) makes the folders missing above it, as
`mkdir -p`, only once its checks passed (a refused input or a file in the way makes none), and says so in help()
(`files.writing_folder` states the rule; was: done without a word, to_cog included)."""
import inspect

import numpy as np
import pytest

from alphaearth_nb import checkpoint, cli_args, embed, exports, files, stores, train
from alphaearth_nb.core import DimensionError, NotOursError
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((4, 4), seed=0))
WRITERS = {"to_cog": lambda p: exports.to_cog(EMB, p / "m.tif"),
           "map_to_cog": lambda p: exports.map_to_cog(EMB.isel(band=0), p / "c.tif"),
           "to_zarr": lambda p: stores.to_zarr(EMB, p / "e.zarr"),
           "save_checkpoint": lambda p: checkpoint.save_checkpoint(p / "ckpt", {"w": np.ones(3)}, step=0),
           "write_text": lambda p: files.write_text(p / "notes.txt", "x")}

@pytest.mark.parametrize("name", WRITERS)
def test_missing_parent_folders_are_made(tmp_path, name):
    out = WRITERS[name](tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir() and out is not None

@pytest.mark.parametrize("name", ["to_cog", "map_to_cog", "to_zarr"])
def test_a_refused_write_makes_no_folder(tmp_path, name):
    bad = {"to_cog": lambda p: exports.to_cog(EMB.isel(band=0), p / "m.tif"),
           "map_to_cog": lambda p: exports.map_to_cog(EMB, p / "c.tif"),
           "to_zarr": lambda p: stores.to_zarr(EMB.isel(band=0), p / "e.zarr")}[name]
    with pytest.raises(DimensionError): bad(tmp_path / "a" / "b")
    assert not (tmp_path / "a").exists()
    (tmp_path / "f").write_text("a file")
    with pytest.raises(NotOursError, match="is a file"): WRITERS[name](tmp_path / "f" / "sub")

@pytest.mark.parametrize("fn", [files.writing_folder, files.writing_file, exports.to_cog, exports.map_to_cog,
                                stores.to_zarr, embed.embed_to_zarr, checkpoint.save_checkpoint],
                         ids=lambda f: f.__name__)
def test_help_says_missing_folders_are_made(fn):
    doc = inspect.getdoc(fn).split("\nParameters\n")[0]
    assert "mkdir -p" in doc or "writing_folder`'s rule" in doc, doc[-300:]

def test_fit_and_the_cli_say_it():
    params = inspect.getdoc(train.fit).split("\nParameters\n")[1]
    assert "made with its parents" in params.split("\nout\n")[1].split("\nresume ")[0], params   # out's own entry
    p = cli_args.parser()
    subs = next(a for a in p._actions if a.choices and "train" in a.choices).choices
    for cmd in ("demo", "train", "embed"):
        out = next(a for a in subs[cmd]._actions if "--out" in a.option_strings)
        assert "made with its parents" in out.help, (cmd, out.help)
