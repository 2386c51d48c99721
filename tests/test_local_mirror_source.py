"The LocalMirror that build_local_mirror returns is a source, as its folder is."
import numpy as np
import pandas as pd
import pytest

pytest.importorskip("rioxarray")
pytest.importorskip("geopandas")
from alphaearth_nb import official as off
from alphaearth_nb.core import PeriodError, band_names


def test_a_local_mirror_object_is_a_source(tmp_path):
    """`m = build_local_mirror(root)`, then `official.open(area, source=m)` (or `sample_points`, `tiles`): refused with
    MirrorError 'no aef_index.parquet in LocalMirror(...)', although the index is there: only its folder was read.
    Right: the object reads as its root."""
    try: m = off.build_local_mirror(tmp_path / "m", years=(2024,), size=32)
    except Exception as e: pytest.skip(f"no shared data: {e}")
    ix = m.index
    box = (ix.wgs84_west.min(), ix.wgs84_south.max(), ix.wgs84_east.max(), ix.wgs84_north.min())
    assert off.mirror_of(m) == off.mirror_of(m.root)
    assert len(off.tiles(box, 2024, source=m)) == len(off.tiles(box, 2024, source=m.root)) == 3
    np.testing.assert_array_equal(off.open(box, 2024, source=m).values, off.open(box, 2024, source=m.root).values)
    a, b = (off.sample_points(([6.0], [45.0]), 2024, source=s) for s in (m, m.root))
    assert a.inside.tolist() == b.inside.tolist() == [True]


def test_index_paths_another_tool_wrote_read_the_same_tiles(tmp_path, small_mirror):
    """An index whose rows name their tiles relative to it, by absolute path or by file:// URL (not the official
    s3://.../v1/annual/... form) reads the same vectors at the same places. Was: an absolute path or URL was put
    under the mirror's root (ROOT/tmp/.../2024/31N/t.tiff, ROOT/file:///...), so every read failed with MirrorError
    'cannot open tile ... check the network/credentials'."""
    import shutil
    from alphaearth_nb.core import MirrorError, band_names
    m = small_mirror((2024,))
    pts = ([5.999, 6.001], [45.0, 45.0])                      # one point each side of the zone boundary (31N, 32N)
    want = off.sample_points(pts, 2024, source=m.root)[band_names()].to_numpy()
    assert np.isfinite(want).all()
    rel = lambda p: p.split("v1/annual/")[1]
    for name, form in (("relative", lambda p, r: rel(p)), ("absolute", lambda p, r: str(r / rel(p))),
                       ("url", lambda p, r: (r / rel(p)).as_uri()), ("elsewhere", lambda p, r: str(m.root / rel(p)))):
        r = tmp_path / name
        shutil.copytree(m.root, r)
        m.index.assign(path=[form(p, r) for p in m.index.path]).to_parquet(r / "aef_index.parquet")
        got = off.sample_points(pts, 2024, source=r)[band_names()].to_numpy()
        np.testing.assert_array_equal(got, want, err_msg=name)
    r = tmp_path / "missing"                                     # a tile in the index, gone from disk
    shutil.copytree(m.root, r)
    for t in (r / "2024").rglob("*.tiff"): t.unlink()
    with pytest.raises(MirrorError, match="not on disk.*fetch_tiles"):
        off.sample_points(pts, 2024, source=r)


def test_open_tile_reads_a_path_of_a_url_as_remote(monkeypatch):
    """`open_tile(Path('gs://b/x.tif'))`: the Path folds '//' ('gs:/b/x.tif'), and open_tile's own '://' test read it
    as a local file: MirrorError 'not on disk ... fetch_tiles', advice for a local mirror, and GDAL was given the
    folded local path. Right: `files.remote_url` reads it as the URL it is: GDAL opens the URL, and the error is the
    remote one ('check the network/credentials'). The open fails here without the network (no request is made)."""
    import rioxarray
    from pathlib import Path
    from alphaearth_nb.core import MirrorError
    asked = []
    def offline(path, *a, **k): asked.append(str(path)); raise OSError("no network in the test")
    monkeypatch.setattr(rioxarray, "open_rasterio", offline)
    with pytest.raises(MirrorError, match="check the network") as e:
        off.open_tile(Path("gs://no-such-bucket-aef/x.tif"))
    assert "not on disk" not in str(e.value) and asked == ["gs://no-such-bucket-aef/x.tif"]


def test_open_tile_reads_a_home_path(tmp_path, monkeypatch):
    """`open_tile('~/t.tif')` of a whole tile: GDAL does not expand `~`, so it was MissingDataError 'cannot read
    ~/t.tif as a GeoTIFF (... No such file or directory)' for a file that is there. Right: `~` is the home folder, as
    every reader of the package reads it (`files.user_path`)."""
    from alphaearth_nb import exports
    from alphaearth_nb.testing import embedding_from_array, random_unit
    monkeypatch.setenv("HOME", str(tmp_path))
    exports.to_cog(embedding_from_array(random_unit((16, 16))), tmp_path / "t.tif")
    want = off.open_tile(str(tmp_path / "t.tif")).values
    np.testing.assert_array_equal(off.open_tile("~/t.tif").values, want)


def test_a_local_mirror_reads_its_years_as_tiles_does(tmp_path):
    """`build_local_mirror(years=...)` reads years by `timecodes.as_years`, `years_of`'s rule, before anything is written: 24 or
    2023.5 is PeriodError, one year (2024) is that year. Was: int() of each year, so (24, 25) wrote tiles of the year
    24 AD, (2023.5,) tiles of 2023, and years=2024 raised TypeError ('int' object is not iterable)."""
    v = np.random.default_rng(0).normal(size=(24, 64)).astype(np.float32)   # conftest's small_mirror's vectors
    df = pd.DataFrame(v / np.linalg.norm(v, axis=1, keepdims=True), columns=band_names()).assign(dw_label=np.arange(24) % 3)
    for bad in ((24, 25), (2023.5,), (True,)):
        with pytest.raises(PeriodError, match="year"):
            off.build_local_mirror(tmp_path / "bad", years=bad, size=32, samples=df)
        assert not (tmp_path / "bad").exists(), bad
    assert set(off.build_local_mirror(tmp_path / "m", years=2024, size=32, samples=df).index.year) == {2024}
