"""A map COG replaced by a write that dies keeps its GDAL sidecar (hunt, session 29, field case E2's kind).

`map_to_cog(..., overwrite=True)` deleted the old `m.tif.aux.xml` (category names and raster attribute table, what
QGIS and ArcGIS show) before the new file was copied into place, so a full disk or Ctrl-C during the copy left the
old class map without its class names."""
import contextlib
import os

import numpy as np
import pytest
import xarray as xr

pytest.importorskip("rasterio")
from alphaearth_nb.exports import map_to_cog   # noqa: E402
from alphaearth_nb.testing import disk_full    # noqa: E402


def _map(names):
    a = np.arange(64 * 64).reshape(64, 64) % len(names)
    return xr.DataArray(a, dims=("y", "x"), name="cls",
                        coords={"y": 500_000 - 10 * np.arange(64.0), "x": 300_000 + 10 * np.arange(64.0)},
                        attrs={"crs": "EPSG:32631", "class_names": list(names)})


def _die_in_copy(kind, tmp_path, monkeypatch):
    if kind == "full disk": return disk_full(tmp_path, after_bytes=1000)
    import shutil
    def interrupted(*a, **k): raise KeyboardInterrupt("Ctrl-C")
    monkeypatch.setattr(shutil, "copyfileobj", interrupted)
    return contextlib.nullcontext()


@pytest.mark.parametrize("kind", ["full disk", "Ctrl-C"])
def test_a_dying_overwrite_keeps_the_old_map_and_its_sidecar(tmp_path, monkeypatch, kind):
    path = map_to_cog(_map(["water", "crop", "forest"]), tmp_path / "m.tif")
    side = tmp_path / "m.tif.aux.xml"
    before, names = path.read_bytes(), side.read_bytes()
    assert b"forest" in names
    with pytest.raises((OSError, KeyboardInterrupt)), _die_in_copy(kind, tmp_path, monkeypatch):
        map_to_cog(_map(["a", "b"]), path, overwrite=True)
    monkeypatch.undo()
    assert path.read_bytes() == before and side.read_bytes() == names   # the old map whole, names and all
    assert sorted(os.listdir(tmp_path)) == ["m.tif", "m.tif.aux.xml"]   # nothing half written beside them
    map_to_cog(_map(["a", "b"]), path, overwrite=True)                   # then replaced, with the new names only
    assert b">b<" in side.read_bytes() and b"forest" not in side.read_bytes()
