"""A class map COG replaced on a disk with room for the new file but not for its GDAL sidecar (`m.tif.aux.xml`, the
category names) stays the old map with the old names: the new sidecar is written before the new file goes in, and
its full disk is `DiskError` naming the sidecar. Was: the new COG was placed first, then the sidecar's write failed,
leaving the new map with no names and the old sidecar deleted (DiskError '... m.tif.aux.xml was not written
(nothing is there, as before ...' though one was)."""
import os

import numpy as np
import pytest
import xarray as xr

pytest.importorskip("rasterio")
from alphaearth_nb.core import DiskError     # noqa: E402
from alphaearth_nb.exports import map_to_cog  # noqa: E402
from alphaearth_nb.testing import disk_full   # noqa: E402


def _map(names, seed):
    a = np.random.default_rng(seed).integers(0, len(names), (64, 64))
    return xr.DataArray(a, dims=("y", "x"), name="cls",
                        coords={"y": 500_000 - 10 * np.arange(64.0), "x": 300_000 + 10 * np.arange(64.0)},
                        attrs={"crs": "EPSG:32631", "class_names": list(names)})


def test_no_room_for_the_sidecar_keeps_the_old_map_and_names(tmp_path):
    new = _map(["a", "b", "c", "d"], 1)
    size = map_to_cog(new, tmp_path / "probe" / "m.tif").stat().st_size   # the new COG's bytes, written elsewhere
    path = map_to_cog(_map(["water", "crop", "forest"], 0), tmp_path / "m.tif")
    side = tmp_path / "m.tif.aux.xml"
    before, names = path.read_bytes(), side.read_bytes()
    with disk_full(tmp_path, after_bytes=size + 10), pytest.raises(DiskError) as e:   # the COG fits, the names not
        map_to_cog(new, path, overwrite=True)
    assert path.read_bytes() == before and side.read_bytes() == names, str(e.value)   # the old map, names and all
    assert "m.tif" in str(e.value) and "is as it was before" in str(e.value)
    assert sorted(os.listdir(tmp_path)) == ["m.tif", "m.tif.aux.xml", "probe"]
