"""Readers of our stores check the completion marker (`files.MARKER`) `writing_folder` writes last. Was (906bfade):
the scratch copy a killed write leaves (`.e.zarr.partial-PID-HEX@HOST/e.zarr`, `files.partial_name`) opened as a
store by `open_embeddings` / `aef evaluate` (its unwritten pixels all NaN, not a word), and a copy of a store of ours
without its marker was read by `aef evaluate` without a word (s55 cases2.md). Now a scratch copy is refused by every
reader (Python and `aef`), naming the output it was to become and the rerun; a store of ours without the marker is
read with a `FileWarning` giving the line that marks it (which silences it)."""
import shutil
import subprocess
import sys
import warnings

import numpy as np
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import FileWarning, MissingDataError
from alphaearth_nb.embedding_files import open_embeddings
from alphaearth_nb.exports import open_zarr, read_cog, to_cog, to_zarr
from alphaearth_nb.files import MARKER, is_ours, this_host
from alphaearth_nb.testing import embedding_from_array, random_unit


def _dead_pid():   # a pid whose process has ended
    p = subprocess.Popen([sys.executable, "-c", "pass"]); p.wait()
    return p.pid


def _scratch(tmp_path, store, keep_marker=False):
    "A killed write's scratch copy of `store` as `writing_folder` leaves it: `.NAME.partial-PID-HEX@HOST/NAME`."
    s = tmp_path / f".{store.name}.partial-{_dead_pid()}-0badc0de@{this_host()}" / store.name
    shutil.copytree(store, s)
    if not keep_marker: (s / MARKER).unlink()
    return s


@pytest.fixture
def store(tmp_path):
    return to_zarr(embedding_from_array(random_unit((12, 10), seed=1)), tmp_path / "e.zarr")


def test_a_scratch_copy_is_refused_by_every_reader(tmp_path, store, evaluate_cli, pixel_points):
    s = _scratch(tmp_path, store)
    for read in (open_zarr, lambda p: open_zarr(p, check=False), lambda p: open_embeddings(p, None)):
        with pytest.raises(MissingDataError) as e: read(s)
        said = " ".join(str(e.value).split())
        assert "lies inside .e.zarr.partial-" in said and f"read {store} itself" in said and "--overwrite" in said, said
    with pytest.raises(MissingDataError, match="is the scratch copy"): open_embeddings(s.parent, None)   # its folder
    pixel_points(open_zarr(store), classes=(1, 2)).to_csv(tmp_path / "p.csv", index=False)
    rc, out, err = evaluate_cli("--embeddings", str(s), "--labels", str(tmp_path / "p.csv"))
    assert rc == 2 and "scratch copy" in err and "rerun the command that wrote it" in err, err
    assert evaluate_cli("--embeddings", str(store), "--labels", str(tmp_path / "p.csv"))[0] == 0   # the store itself


def test_a_scratch_geotiff_is_refused(tmp_path, capsys):
    e = embedding_from_array(random_unit((8, 8), seed=2)).assign_attrs(crs="EPSG:32631")
    t = to_cog(e, tmp_path / "e.tif", overviews=False)
    s = tmp_path / f".e.tif.partial-{_dead_pid()}-0badc0de@{this_host()}"
    shutil.copy(t, s)
    with pytest.raises(MissingDataError, match="scratch copy"): read_cog(s)
    d = tmp_path / f".tiles.partial-{_dead_pid()}-0badc0de@{this_host()}" / "tiles"; d.mkdir(parents=True)
    shutil.copy(t, d / "e.tif")
    pts = tmp_path / "p.csv"; pts.write_text(f"x,y,label\n{float(e.x[1])},{float(e.y[1])},1\n")
    assert main(["classify", "--embeddings", str(d), "--labels", str(pts), "--out", str(tmp_path / "c.tif")]) == 2
    assert "lies inside .tiles.partial-" in capsys.readouterr().err   # a folder of GeoTIFFs (`tif_folder`) alike


def test_a_live_writers_copy_says_wait(tmp_path, store):
    import os
    s = tmp_path / f".e.zarr.partial-{os.getpid()}-0badc0de@{this_host()}" / "e.zarr"
    shutil.copytree(store, s)
    with pytest.raises(MissingDataError, match="still running: wait for it to end"): open_zarr(s)


def test_a_store_copied_without_its_marker_is_read_and_said(tmp_path, store):
    c = tmp_path / "copy.zarr"
    shutil.copytree(store, c, ignore=shutil.ignore_patterns(MARKER))
    with pytest.warns(FileWarning, match="no completion marker") as w: a = open_embeddings(c, None)
    np.testing.assert_array_equal(a.values, open_embeddings(store, None).values)
    line = str(w[0].message).rsplit("`", 2)[1]   # the line that marks it
    assert line.startswith("echo ") and subprocess.run(line, shell=True).returncode == 0
    assert is_ours(c)
    with warnings.catch_warnings():
        warnings.simplefilter("error", FileWarning)
        open_embeddings(c, None)   # marked: read without a word
        open_zarr(c)               # and by Python's reader, which refused it unmarked


def test_another_tools_store_is_read_without_a_word(tmp_path, store):
    o = tmp_path / "other.zarr"
    open_zarr(store).to_dataset(name="emb").to_zarr(o)   # no `embedding` array: not laid out as ours
    with warnings.catch_warnings():
        warnings.simplefilter("error", FileWarning)
        open_embeddings(o, None)
