"""Re-read 3 of s56's findings, mended: a text or empty .tif given to a mapping command got GDAL's bare words (the
x10000 check opened it before the reader); --train-year on a map of no year told '--train-year None'; aef similarity's
refusal of labelled points printed a literal {pts}, refused a name a point as classes, printed python lines that fail
for Parquet and .tsv and missed ewoc_code; AEF_TILE_PREFIX set after a first explore() was ignored and a prefix
with another brace a bare KeyError; tile copies were compared by reading both whole."""
import shlex
import subprocess
import sys
from pathlib import Path

import dask.array as da
import pandas as pd
import pytest

from alphaearth_nb import derived_maps
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, DimensionError
from alphaearth_nb.exports import read_cog, to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.tiles import TileServer


@pytest.fixture(scope="module")
def tif(tmp_path_factory):
    p = tmp_path_factory.mktemp("m") / "a.tif"
    to_cog(embedding_from_array(random_unit((8, 10), seed=1)), p, overviews=False)
    return p


def _err(capsys):
    return " ".join(capsys.readouterr().err.split())


@pytest.mark.parametrize("body,said", [(b"hello\n", "is a text file (its first line: 'hello')"),
                                       (b"", "is an empty file (0 bytes)")])
def test_a_tif_that_is_no_geotiff_gets_the_readers_words(tmp_path, capsys, body, said):
    (p := tmp_path / "bad.tif").write_bytes(body)
    rc = main(["similarity", "--embeddings", str(p), "--point", "500025,4999975", "--crs", "EPSG:32631",
               "--out", str(tmp_path / "s.tif")])
    err = _err(capsys)
    assert rc == 2 and said in err and "not recognized" not in err, err


def test_train_year_on_a_yearless_map_says_so(tif, tmp_path, capsys):
    e = read_cog(tif)
    pd.DataFrame({"x": e.x.values[[1, 3, 5, 7]], "y": e.y.values[[1, 3, 5, 6]], "label": ["w", "w", "c", "c"]}
                 ).to_csv(lab := tmp_path / "lab.csv", index=False)
    rc = main(["classify", "--embeddings", str(tif), "--labels", str(lab), "--crs", "EPSG:32631", "--train-year",
               "2024", "--out", str(tmp_path / "c.tif")])
    err = _err(capsys)
    assert rc == 2 and "None" not in err and "records no year" in err and "leave out --train-year" in err, err


def _similarity(tif, pts, tmp_path):
    return main(["similarity", "--embeddings", str(tif), "--points", str(pts), "--crs", "EPSG:32631",
                 "--out", str(tmp_path / "s.tif"), "--overwrite"])


def test_a_name_a_point_is_no_class(tif, tmp_path, capsys):
    e = read_cog(tif)
    pd.DataFrame({"x": e.x.values[[1, 3, 5]], "y": e.y.values[[1, 3, 5]], "label": ["lake1", "lake2", "lake3"]}
                 ).to_csv(p := tmp_path / "named.csv", index=False)
    assert _similarity(tif, p, tmp_path) == 0, _err(capsys)


@pytest.mark.parametrize("name,column", [("p.parquet", "label"), ("p.tsv", "label"), ("p.txt", "ewoc_code")])
def test_the_printed_line_runs_for_each_table_form(tif, tmp_path, capsys, monkeypatch, name, column):
    e = read_cog(tif)
    labels = ["w", "w", "c"] if column == "label" else [1100, 1100, 2000]
    t = pd.DataFrame({"x": e.x.values[[1, 3, 5]], "y": e.y.values[[1, 3, 5]], column: labels})
    if name.endswith(".parquet"): t.to_parquet(tmp_path / name)
    else: t.to_csv(tmp_path / name, sep="\t", index=False)
    monkeypatch.chdir(tmp_path)
    assert _similarity(tif, name, tmp_path) == 2
    err = _err(capsys)
    assert "{pts}" not in err and "the mean of all its points" in err and f"column '{column}'" in err, err
    line = shlex.split(err.split("python -c ")[1].split("`")[0])[0]
    r = subprocess.run([sys.executable, "-c", line], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = err.split("then --points ")[1].split(";")[0]
    assert len(pd.read_csv(tmp_path / out)) == 2 and _similarity(tif, out, tmp_path) == 0, _err(capsys)


def test_tile_prefix_read_at_each_url(monkeypatch):
    monkeypatch.delenv("AEF_TILE_PREFIX", raising=False)
    monkeypatch.delenv("JUPYTERHUB_SERVICE_PREFIX", raising=False)
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    s = TileServer()
    try:
        assert s.url("a").startswith(f"http://127.0.0.1:{s.port}/")
        monkeypatch.setenv("AEF_TILE_PREFIX", "/user/me/proxy/{port}")
        assert s.url("a").startswith(f"/user/me/proxy/{s.port}/a/") and "AEF_TILE_PREFIX" in s.reach
        monkeypatch.setenv("AEF_TILE_PREFIX", "/user/me/proxy/{PORT}")
        with pytest.raises(ConfigError, match=r"holds PORT: the one field it takes is \{port\}"): s.url("a")
    finally: s.httpd.shutdown()


def test_tile_copies_compared_in_row_blocks(monkeypatch):
    e = embedding_from_array(random_unit((16, 4), seed=3))
    f = e.copy(data=e.values.copy())
    f[0, 0], f[-1, 0] = -f[0, 0], -f[-1, 0]   # the first and last rows differ: whichever is read first
    read = []
    def counted(b, block_info=None):
        if block_info: read.append(block_info[0]["array-location"][0][0])
        return b
    lazy = e.copy(data=da.from_array(e.values, chunks=(1, -1, -1)).map_blocks(counted, dtype=e.dtype))
    monkeypatch.setattr(derived_maps, "_BLOCK_BYTES", 4 * 64 * e.dtype.itemsize)   # one row a block
    with pytest.raises(DimensionError, match="cover the same pixels with different vectors"):
        derived_maps._same_pixels(Path("d"), 2024, [(Path("d/a.tif"), lazy), (Path("d/a (1).tif"), f)], "similarity")
    assert len(set(read)) == 1, read   # one row block read of 16, not the whole map
