"""`mirrors.fetch_tiles`: the official tiles of an area copied from a mirror into a local folder in the mirror's
layout (a `source` offline afterwards), each file written whole or not at all. A fresh clone had no documented way to
get one real tile: tutorial 02's official sections skipped."""
import http.server
import shutil
import threading
from collections import namedtuple
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
from alphaearth_nb import downloads, mirrors, official as off  # noqa: E402
from alphaearth_nb.core import MirrorError  # noqa: E402

AREA = (5.985, 44.9995, 5.99, 45.0015)   # inside zone 31N's tile, next to 6 deg E


@pytest.fixture(scope="module")
def mirror(small_mirror):
    "conftest's small mirror of two years."
    return small_mirror((2023, 2024))


def _files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_fetch_copies_the_tiles_of_an_area_into_a_mirror_that_reads_offline(mirror, serve_folder, tmp_path):
    served = serve_folder(mirror.root, refuse="Python-urllib")     # like one real mirror: default agent refused
    got = off.fetch_tiles(AREA, 2024, tmp_path / "copy", source=served.url, cache=tmp_path / "cache")
    want = off.tiles(AREA, 2024, source=mirror.root)
    rel = [p.split(off.ANNUAL)[1] for p in want.path]
    assert isinstance(got, off.LocalMirror) and got.root == tmp_path / "copy" and len(rel) == 1
    assert _files(got.root) == sorted(rel + [off.INDEX_NAME])      # the tile in its YEAR/ZONE/ place, no part files
    assert (got.root / rel[0]).read_bytes() == (mirror.root / rel[0]).read_bytes()
    assert list(got.index.path) == list(want.path)                  # the index rows, the real paths kept
    np.testing.assert_array_equal(off.open(AREA, 2024, source=got.root, chunks=32).values,   # a source offline
                                  off.open(AREA, 2024, source=mirror.root, chunks=32).values)
    served.log.clear()   # again, and one more year: the tile there is kept, the new one added to the same index
    again = off.fetch_tiles(AREA, (2023, 2024), got.root, source=served.url, cache=tmp_path / "cache")
    assert [r.path for r in served.log if r.path.endswith(".tiff")] == ["/" + rel[0].replace("2024/", "2023/", 1)]
    assert sorted(again.index.year) == [2023, 2024] and len(_files(got.root)) == 3
    assert sorted(off.read_index(got.root).year) == [2023, 2024]


class _Short(http.server.BaseHTTPRequestHandler):
    "Answers every GET with a Content-Length of 1000 bytes and sends 10: a connection cut mid-file."
    def log_message(self, *a): pass
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Length", "1000"); self.end_headers()
        self.wfile.write(b"0123456789"); self.wfile.flush(); self.close_connection = True


def test_a_cut_download_leaves_nothing(tmp_path):
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Short)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        with pytest.raises(MirrorError, match=r"10 of 1000 bytes.*run it again"):
            downloads._download(f"http://127.0.0.1:{srv.server_address[1]}/t.tiff", tmp_path / "t.tiff", {})
    finally:
        srv.shutdown(); srv.server_close()
    assert _files(tmp_path) == []                                    # was: a 10-byte tile, taken for a whole one


def test_a_file_larger_than_the_free_disk_is_refused_before_a_byte(mirror, serve_folder, tmp_path, monkeypatch):
    served = serve_folder(mirror.root)
    off.tiles(AREA, 2024, source=served.url, cache=tmp_path / "cache")   # the index cached first: the tile is refused
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda p: Usage(10**6, 10**6 - 100, 100))
    with pytest.raises(MirrorError, match=r"needs \d+ bytes, .* has 100 free"):
        off.fetch_tiles(AREA, 2024, tmp_path / "copy", source=served.url, cache=tmp_path / "cache")
    assert not any(p.is_file() for p in (tmp_path / "copy").rglob("*"))


def test_tutorial_02_names_the_one_call_that_fetches_a_real_tile_and_never_runs_it():
    "A fresh clone has no official samples: its skip messages name `fetch_tiles`, whose cell is live only (eval: false)."
    import json
    nb = Path(__file__).resolve().parents[1] / "nbs" / "tutorials" / "02_official_embeddings.ipynb"
    code = ["".join(c["source"]) for c in json.loads(nb.read_text())["cells"] if c["cell_type"] == "code"]
    skips = [s for s in code if "samples are not here" in s]
    assert len(skips) == 2 and all("fetch_tiles(" in s for s in skips), skips
    calls = [s for s in code if "fetch_tiles(" in s and s not in skips]
    assert calls and all(s.lstrip().startswith("#| eval: false") for s in calls), calls


def test_a_path_of_a_url_is_a_url_prefix_as_its_text_is(mirror, serve_folder, tmp_path):
    "`files.remote_url`'s rule (open_tile's): `Path('http://host/m')` folds to 'http:/host/m', and mirror_of, "
    "index_file and tiles read it as the URL (was: a local folder 'http:', MirrorError 'no aef_index.parquet')."
    served = serve_folder(mirror.root)
    m = mirrors.mirror_of(Path(served.url))
    assert m.root == served.url.rstrip("/") + "/" and m.index == m.root + off.INDEX_NAME
    assert mirrors.index_file(Path(served.url), cache=tmp_path).read_bytes() == (mirror.root / off.INDEX_NAME).read_bytes()
    assert len(off.tiles(AREA, 2024, source=Path(served.url), cache=tmp_path)) == 1


def test_a_remote_tile_it_cannot_copy_is_refused_by_name_not_as_a_local_file(tmp_path, monkeypatch):
    "An index path az://bkt/x.tiff (href /vsiaz/bkt/x.tiff) is remote (`files.is_remote`): fetch_tiles names it and "
    "the fix. Was: the href taken for a local path, 'could not download file:///vsiaz/bkt/x.tiff' (s3:// was refused "
    "so too; it is copied now, test_an_s3_mirror_reads_its_index_and_copies_its_tiles)."
    hit = pd.DataFrame({"path": ["az://bkt/2024/31N/x.tiff"], "href": ["/vsiaz/bkt/2024/31N/x.tiff"],
                        "year": [2024], "utm_zone": ["31N"]})
    monkeypatch.setattr(mirrors, "tiles", lambda *a, **k: hit)
    with pytest.raises(MirrorError, match=r"cannot download az://bkt/2024/31N/x\.tiff.*azcopy") as e:
        mirrors.fetch_tiles(AREA, 2024, tmp_path / "copy")
    assert "file://" not in str(e.value)


def test_tiles_named_by_absolute_path_or_url_are_copied_into_the_mirror_layout(mirror, tmp_path):
    """An index another tool wrote, naming its tiles by absolute path or file:// URL (not the official
    s3://.../v1/annual/... form): each tile goes where a relative row of it would, YEAR/ZONE/<file name>, and the copy's
    index names that copy, so the copy reads with the source gone. Was: copied under root/<absolute path>
    (COPY/tmp/.../2024/31N/t.tiff, COPY/file:/tmp/...), and the copy's index still named the source's files."""
    want = off.tiles(AREA, 2024, source=mirror.root)
    rel = [p.split(off.ANNUAL)[1] for p in want.path]
    vals = off.open(AREA, 2024, source=mirror.root, chunks=32).values
    for name, form in (("absolute", lambda r, q: str(r / q)), ("url", lambda r, q: (r / q).as_uri())):
        src = tmp_path / f"src_{name}"
        shutil.copytree(mirror.root, src)
        mirror.index.assign(path=[form(src, p.split(off.ANNUAL)[1]) for p in mirror.index.path]).to_parquet(
            src / off.INDEX_NAME)
        got = off.fetch_tiles(AREA, 2024, tmp_path / f"copy_{name}", source=src)
        assert _files(got.root) == sorted(rel + [off.INDEX_NAME]), name      # YEAR/ZONE/<name>, nothing else
        assert list(got.index.path) == rel, name                             # rows name the copies
        shutil.rmtree(src)                                                   # the copy reads on its own
        np.testing.assert_array_equal(off.open(AREA, 2024, source=got.root, chunks=32).values, vals, err_msg=name)


@pytest.mark.parametrize("source", ["s3://bkt/m", "/vsis3/bkt/m/"])
def test_an_s3_mirror_reads_its_index_and_copies_its_tiles(mirror, serve_folder, tmp_path, monkeypatch, source):
    """A mirror on S3 (s3:// or GDAL's /vsis3/), read by pyarrow's S3 client under GDAL's settings (AWS_S3_ENDPOINT,
    AWS_HTTPS, AWS_NO_SIGN_REQUEST, AWS_REGION), here a local server answering as S3 does (path-style GET and HEAD):
    `tiles` reads its index and `fetch_tiles` copies its tiles whole. Was: MirrorError 'cannot download
    s3://bkt/m/aef_index.parquet ... aws s3 cp' from both."""
    shutil.copytree(mirror.root, tmp_path / "s3" / "bkt" / "m")
    served = serve_folder(tmp_path / "s3")
    for k, v in dict(AWS_S3_ENDPOINT=served.url.split("//")[1].rstrip("/"), AWS_HTTPS="NO", AWS_NO_SIGN_REQUEST="YES",
                     AWS_REGION="us-west-2").items(): monkeypatch.setenv(k, v)
    want = off.tiles(AREA, 2024, source=mirror.root)
    assert list(off.tiles(AREA, 2024, source=source, cache=tmp_path / "cache").path) == list(want.path)
    got = off.fetch_tiles(AREA, 2024, tmp_path / "copy", source=source, cache=tmp_path / "cache")
    rel = [p.split(off.ANNUAL)[1] for p in want.path]
    assert _files(got.root) == sorted(rel + [off.INDEX_NAME])
    assert (got.root / rel[0]).read_bytes() == (mirror.root / rel[0]).read_bytes()
    assert {r.path for r in served.log if r.status in (200, 206)} == {"/bkt/m/" + off.INDEX_NAME, "/bkt/m/" + rel[0]}
    assert all(r.agent.startswith("aws-sdk") for r in served.log)      # S3's protocol, not a plain URL
    np.testing.assert_array_equal(off.open(AREA, 2024, source=got.root, chunks=32).values,
                                  off.open(AREA, 2024, source=mirror.root, chunks=32).values)
    with pytest.raises(MirrorError, match="no such S3 object"):                # nothing there: named, nothing left
        mirrors.index_file("s3://bkt/none", cache=tmp_path / "none")
    assert list((tmp_path / "none").iterdir()) == []


def _index_of(folder, *forms, mirror, edit=None):
    "Write an index in `folder` holding `mirror`'s rows once per form (form(place) -> path); `edit(rows)` changes rows."
    folder.mkdir(exist_ok=True)
    rows = pd.concat([mirror.index.assign(path=[f(p.split(off.ANNUAL)[1]) for p in mirror.index.path]) for f in forms])
    (edit(rows) if edit else rows).to_parquet(folder / off.INDEX_NAME)
    return folder


def test_rows_that_would_land_on_one_file_are_refused_before_a_byte_is_copied(mirror, tmp_path, monkeypatch):
    """Two index rows of one year, zone and file name from different places (two folders, by absolute path, file://
    URL, relative and absolute, two S3 prefixes) map to one YEAR/ZONE/<file name>: refused, naming both rows, before
    anything is copied; a row leading out of `root` ('..') too. Was: the second skipped as 'already there', both rows
    naming the first's file (silently wrong tiles), and a '../' row written outside `root`."""
    a, b = shutil.copytree(mirror.root, tmp_path / "a"), shutil.copytree(mirror.root, tmp_path / "b")
    copied = []
    monkeypatch.setattr(mirrors, "fetch_file", lambda href, dest, *a: copied.append(href))   # what fetch_tiles copies by
    cases = {"absolute": (lambda q: str(a / q), lambda q: str(b / q)),
             "url": (lambda q: (a / q).as_uri(), lambda q: (b / q).as_uri()),
             "relative": (lambda q: q, lambda q: str(b / q)),
             "s3": (lambda q: f"s3://bkt/a/{q}", lambda q: f"/vsis3/bkt/b/{q}")}
    for name, forms in cases.items():
        if name == "relative": shutil.copytree(mirror.root, tmp_path / "src_relative")   # its tiles, our index
        src = _index_of(tmp_path / f"src_{name}", *forms, mirror=mirror)
        with pytest.raises(MirrorError, match="would both be copied to") as e:
            off.fetch_tiles(AREA, 2024, tmp_path / f"copy_{name}", source=src)
        assert str(forms[0]("")).rstrip("/") in str(e.value) and str(forms[1]("")).rstrip("/") in str(e.value), name
        assert copied == [] and not (tmp_path / f"copy_{name}").exists(), name
    src = _index_of(tmp_path / "src_up", lambda q: "../" + q.split("/")[-1], mirror=mirror)
    with pytest.raises(MirrorError, match=r"outside .*copy_up"):
        off.fetch_tiles(AREA, 2024, tmp_path / "copy_up", source=src)
    assert copied == []


def test_a_file_the_root_holds_for_another_tile_is_refused_and_one_tile_is_one_row(mirror, tmp_path):
    """A second call whose row lands on a file an earlier call copied for another tile (another extent, same year,
    zone and file name) is refused, naming the held row; the same tile from another place (an official row, a copy
    elsewhere) is kept, and the copy's index has one row per file. Was: skipped as 'already there' (the row named the
    other tile's file), and the same tile by two row forms was two rows of one file."""
    a, b = shutil.copytree(mirror.root, tmp_path / "a"), shutil.copytree(mirror.root, tmp_path / "b")
    copy = tmp_path / "copy"
    first = off.fetch_tiles(AREA, 2024, copy, source=_index_of(tmp_path / "ia", lambda q: str(a / q), mirror=mirror))
    (place,) = first.index.path
    before = (copy / place).read_bytes()
    shifted = _index_of(tmp_path / "ib", lambda q: str(b / q), mirror=mirror,
                        edit=lambda r: r.assign(utm_west=r.utm_west + 960.0, utm_east=r.utm_east + 960.0))
    with pytest.raises(MirrorError, match=f"already holds another tile.*{place}"):
        off.fetch_tiles(AREA, 2024, copy, source=shifted)
    assert (copy / place).read_bytes() == before and list(off.read_index(copy).path) == [place]
    off.fetch_tiles(AREA, 2024, copy, source=_index_of(tmp_path / "ic", lambda q: str(b / q), mirror=mirror))
    got = off.fetch_tiles(AREA, 2024, copy, source=mirror.root)          # the same tile as an official row
    assert len(got.index) == 1 and list(off.tiles(AREA, 2024, source=copy).href) == [str(copy.resolve() / place)]
