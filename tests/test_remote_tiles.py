"""Remote official tiles carry their GDAL options in their own path (`mirrors.gdal_path`: /vsicurl?empty_dir=yes&
useragent=...&url=...), never in os.environ: GDAL lists no folder and probes no sidecar on the mirror, dask's threads
read the same values, and a local class COG's category names (its .aux.xml sidecar) still reach GDAL afterwards.
Before, open_tile / official.open / sample_points(project=) left GDAL_DISABLE_READDIR_ON_OPEN=EMPTY_DIR (and more)
in os.environ, which hid every local sidecar for the rest of the process. The 'gcs' mirror's GS_USER_PROJECT is set
only for /vsigs/ tiles and never over a value already there."""
import os
import shutil

import numpy as np
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
import dask  # noqa: E402

from alphaearth_nb import official as off  # noqa: E402
from alphaearth_nb.core import ConfigError, band_names  # noqa: E402
from alphaearth_nb.exports import map_to_cog  # noqa: E402

AREA = (5.985, 44.9995, 5.99, 45.0015)   # inside zone 31N's tile, next to 6 deg E


@pytest.fixture(scope="module")
def mirror(small_mirror):
    "conftest's small mirror of 2024."
    return small_mirror((2024,))


@pytest.fixture
def served(mirror, serve_folder):
    "The mirror served on 127.0.0.1 (conftest's `serve_folder`: `.url`, `.log` of requests)."
    return serve_folder(mirror.root)


def _two_threads(da):
    with dask.config.set(scheduler="threads", num_workers=2): return da.values


@pytest.fixture
def local_names_still_read(tmp_path, class_map, gdal_reads):
    "`local_names_still_read()`: a class COG written now: GDAL still reads its category names from the local sidecar."
    def check():
        p = map_to_cog(class_map([[0, 1], [1, 0]], class_names=["crop", "water"]), tmp_path / "classes.tif")
        return gdal_reads(p)[0] == ["crop", "water"]
    return check


def test_open_tile_over_http_reads_the_tile_alone_and_leaves_the_environment(mirror, served,
                                                                             local_names_still_read):
    env, url = dict(os.environ), served.url
    path, (codes, _, _) = next(iter(mirror.written.items()))
    href = off.tile_href(path, off.mirror_of(url))
    tile = off.open_tile(href, chunks=32)
    assert tile.chunks is not None
    np.testing.assert_array_equal(_two_threads(tile), codes)
    assert dict(os.environ) == env                                    # was: 4 GDAL options left for good
    rel = "/" + href[len(url):]
    assert {r.path for r in served.log} == {rel}                      # no folder listing, no .aux.xml/.ovr/.msk probe
    assert {r.agent for r in served.log} == {off.USER_AGENT}
    assert local_names_still_read()                                   # was [] (EMPTY_DIR hid the sidecar)


def test_official_open_and_sample_points_over_http_leave_the_environment(mirror, served, tmp_path,
                                                                         local_names_still_read):
    env, url = dict(os.environ), served.url
    cube = off.open(AREA, 2024, source=url, project="my-project", chunks=32, cache=tmp_path)   # project: unused here
    np.testing.assert_array_equal(_two_threads(cube), off.open(AREA, 2024, source=mirror.root, chunks=32).values)
    lon, lat = np.array([5.986, 5.989]), np.array([45.0, 45.001])
    got = off.sample_points((lon, lat), 2024, source=url, project="my-project", chunks=32, cache=tmp_path)
    want = off.sample_points((lon, lat), 2024, source=mirror.root, chunks=32)
    assert got.inside.all()
    np.testing.assert_array_equal(got[band_names()].to_numpy(), want[band_names()].to_numpy())
    assert dict(os.environ) == env                                    # was: GS_USER_PROJECT and 4 GDAL options
    asked = {r.path for r in served.log}
    assert asked and all(p.endswith(".tiff") or p.endswith(off.INDEX_NAME) for p in asked), asked
    assert local_names_still_read()


def test_gcs_project_is_set_for_vsigs_tiles_only_and_never_over_yours(mirror, tmp_path, monkeypatch):
    "The 'gcs' mirror (its index cached, its /vsigs/ tiles read from the local copy): GS_USER_PROJECT as GDAL reads it."
    shutil.copy(mirror.root / off.INDEX_NAME, tmp_path / f"gcs_{off.INDEX_NAME}")
    seen, open_tile, gs = [], off.open_tile, off.MIRRORS["gcs"].root
    def local(href, *a, **k):
        if not href.startswith(gs): return open_tile(href, *a, **k)     # the local mirror read to compare
        seen.append(os.environ.get("GS_USER_PROJECT"))
        return open_tile(str(mirror.root / href[len(gs):]), *a, **k)
    monkeypatch.setattr(off, "open_tile", local)
    monkeypatch.setenv("GS_USER_PROJECT", "theirs")
    with pytest.raises(ConfigError, match="GS_USER_PROJECT is 'theirs'.*project='mine'"):
        off.open(AREA, 2024, source="gcs", project="mine", chunks=32, cache=tmp_path)
    assert os.environ["GS_USER_PROJECT"] == "theirs" and not seen    # was overwritten with 'mine'
    off.open(AREA, 2024, source="gcs", project="theirs", chunks=32, cache=tmp_path)
    monkeypatch.delenv("GS_USER_PROJECT")
    cube = off.open(AREA, 2024, source="gcs", project="mine", chunks=32, cache=tmp_path)
    assert seen[-1] == "mine" and os.environ["GS_USER_PROJECT"] == "mine"
    np.testing.assert_array_equal(_two_threads(cube), off.open(AREA, 2024, source=mirror.root, chunks=32).values)
    assert off.gdal_env("mine") == {"GS_USER_PROJECT": "mine"} and off.gdal_env() == {}
    assert off.gdal_path("/vsigs/b/t.tiff") == "/vsigs/b/t.tiff"
