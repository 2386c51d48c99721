"A sparse source (a few GEDI footprints, one clear pixel) is data, eager or lazy: kind F (no false refusal)."
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.stacks import validate_stack


@pytest.fixture(scope="module")
def scene():
    from alphaearth_nb.scene import load_scene
    return load_scene()[0]


@pytest.mark.parametrize("lazy", [False, True])
@pytest.mark.parametrize("name,band", [("gedi", "rh98"), ("sentinel2", "B4")])
def test_a_source_with_a_few_valid_pixels_is_not_called_empty(scene, name, band, lazy):
    # was (eager only): NoValidDataError "no valid pixel in any band" from a strided sample that missed them; the
    # lazy path read the whole array before saying so
    ds = scene[name].to_dataset()
    v = ds[band].values
    at = np.argwhere(np.isfinite(v))[:3]           # three valid cells (GEDI: three footprints) of the whole cube
    keep = np.zeros(v.shape, bool); keep[tuple(at.T)] = True
    one = ds.where(xr.DataArray(keep, dims=ds[band].dims))
    if name == "gedi": one = one.fillna(-9999)   # GEDI's own fill around the footprint
    assert int(np.isfinite(one[band].where(one[band] != -9999)).sum()) > 0
    one = one.chunk({"time": 4}) if lazy else one
    tree = xr.DataTree.from_dict({k: (one if k == name else scene[k].to_dataset()) for k in scene.children})
    validate_stack(tree)
