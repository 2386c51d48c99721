"""Every writer of the package maps a full disk (ENOSPC, injected by `testing.disk_full` or as pyarrow raises it) to
core's `DiskError` naming the output and the fix, what was there kept and no partial copy left: the run lock of
`fit(out=...)` (`runlock.run_lock`) and `fetch_tiles`' mirror index, as the stores, checkpoints, site tables and
plots already did. Was: the OS's bare '[Errno 28] No space left on device' with the lock's partial copy
`..aef-lock.partial-*` left in the run folder, and pyarrow's '[Errno 28] Error writing bytes to file' with
`aef_index.parquet.part` left in the mirror."""
import errno

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import DiskError
from alphaearth_nb.testing import disk_full, embedding_from_array, random_unit


def _named(err, target):
    assert isinstance(err, DiskError) and err.errno == errno.ENOSPC
    assert f"No space left on the disk of {target}" in str(err) and "free space there, or write elsewhere" in str(err)


def test_run_lock_on_a_full_disk(tmp_path):
    from alphaearth_nb.runlock import LOCK, run_lock
    d = tmp_path / "run"
    with disk_full(tmp_path), pytest.raises(DiskError) as e:
        with run_lock(d): pass
    _named(e.value, d / LOCK)
    assert "while writing the run lock" in str(e.value)
    assert list(d.iterdir()) == []   # no partial lock left
    with run_lock(d): pass   # room again: the folder locks as ever


def test_fetch_tiles_index_on_a_full_disk(tmp_path, monkeypatch, shared_data):
    pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
    from alphaearth_nb import official as off
    from alphaearth_nb.mirrors import INDEX_NAME
    area = (5.995, 44.999, 6.004, 45.003)
    mirror = off.build_local_mirror(tmp_path / "mirror", years=2024, samples=shared_data / "aef_samples")
    got = off.fetch_tiles(area, 2024, tmp_path / "copy", source=mirror.root, cache=tmp_path / "cache")
    old = (got.root / INDEX_NAME).read_bytes()
    def full(self, path, *a, **k):   # pyarrow's words on ENOSPC, after part of the file
        with open(path, "wb") as f: f.write(b"PAR1")
        raise OSError(errno.ENOSPC, "Error writing bytes to file. Detail: [errno 28] No space left on device")
    monkeypatch.setattr(pd.DataFrame, "to_parquet", full)
    import geopandas as gpd
    monkeypatch.setattr(gpd.GeoDataFrame, "to_parquet", full)
    with pytest.raises(DiskError) as e:
        off.fetch_tiles(area, 2024, got.root, source=mirror.root, cache=tmp_path / "cache")
    _named(e.value, got.root / INDEX_NAME)
    assert f"{got.root / INDEX_NAME} is as it was before" in str(e.value)
    assert (got.root / INDEX_NAME).read_bytes() == old
    assert not list(got.root.glob("*.part"))


def test_the_other_writers_on_a_full_disk(tmp_path):   # kept as they are: stores, checkpoints, site tables
    import jax.numpy as jnp
    from alphaearth_nb.checkpoint import save_checkpoint
    emb = embedding_from_array(random_unit((6, 5), seed=0))
    with disk_full(tmp_path, after_bytes=500), pytest.raises(DiskError) as e: emb.aef.to_zarr(tmp_path / "e.zarr")
    _named(e.value, tmp_path / "e.zarr")
    ck = tmp_path / "ck"
    with disk_full(tmp_path, after_bytes=100), pytest.raises(DiskError) as e:
        save_checkpoint(ck, {"w": jnp.asarray(np.arange(5000, dtype=np.float32))}, step=1)
    _named(e.value, ck / "ckpt_00000001.eqx")
    pytest.importorskip("geopandas")
    from alphaearth_nb.sites import box_strata, sample_sites, write_sites
    st = sample_sites(box_strata(1), (2019, 2020), cap=1, seed=0)
    with disk_full(tmp_path, after_bytes=100), pytest.raises(DiskError) as e: write_sites(tmp_path / "s.parquet", st)
    _named(e.value, tmp_path / "s.parquet")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ck"]   # nothing else written, no partial copy
