"""The packaged sample scene feeds cloudy pixels as the paper does (AEF.md section 1, arXiv 2507.22291 S1, S1.1: no
input masking; cloud masks only weight the losses): Sentinel-2 and Landsat hold cloud-contaminated values under cloud
and shadow, and a per-frame `cloud` layer flags them, which `stacks.source_arrays` reads as the target mask. Was
(before session 41): NaN under cloud and shadow with no `cloud` layer (about 60% of Sentinel-2), so the demo, the
tutorials and the corpus trained the input-masked variant, named then in nbs/20_train's 'Where we still differ' table
(the row is gone with the difference)."""
import json
from pathlib import Path

import numpy as np
import pytest

from alphaearth_nb.scene import load_scene
from alphaearth_nb.stacks import CLOUD, source_arrays

NB = Path(__file__).resolve().parents[1] / "nbs" / "20_train.ipynb"


@pytest.fixture(scope="module")
def stack():
    return load_scene()[0]


@pytest.mark.parametrize("name", ["sentinel2", "landsat"])
def test_the_sample_scene_feeds_cloudy_pixels_and_flags_them(stack, name):
    ds = stack[name].to_dataset()
    assert CLOUD in ds.data_vars
    cloud = ds[CLOUD].values
    assert set(np.unique(cloud)) == {0.0, 1.0} and 0.3 < cloud.mean() < 0.9
    for b in ds.data_vars:
        assert not np.isnan(ds[b].values[cloud == 1]).any(), b          # the inputs are not masked
    assert np.median(ds["B2"].values[cloud == 1]) > 3 * np.median(ds["B2"].values[cloud == 0])  # and look like cloud
    sa = source_arrays(stack, name)
    assert sa.clear is not None and np.array_equal(sa.clear, cloud == 0)     # the layer is the targets' mask
    assert np.isfinite(sa.z[~sa.clear]).all()                                 # and the encoder sees the values


def test_the_train_notebook_no_longer_lists_the_scene_as_input_masked():
    table = next("".join(c["source"]) for c in json.load(open(NB))["cells"] if "Where we still differ" in "".join(c["source"]))
    assert not [r for r in table.splitlines() if r.startswith("| the sample scene's clouds |")]
    assert "input-masked" not in table


def test_flagged_clouds_are_no_evidence_of_units(stack):
    # an overcast frame is flat and bright in every band (7000 in B2, nothing dark): read as reflectance x 1e4 + 1000
    # (Sentinel-2) or + 2000 (Landsat) frame by frame, were the pixels the `cloud` layer flags judged
    import warnings
    from alphaearth_nb.core import UnitsWarning
    from alphaearth_nb.stacks import validate_stack
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        validate_stack(stack)


def test_baselines_composite_clear_views_and_no_cloud_band(stack):
    from alphaearth_nb.features import composite_features
    small = stack.isel(y=slice(0, 20), x=slice(0, 20))
    comp = composite_features(small, standardize=False)
    assert not [b for b in comp.band.values if "cloud" in str(b)]
    s2 = small["sentinel2"].to_dataset()
    clear = s2["B2"].where(s2[CLOUD] == 0).quantile(0.5, "time").values
    np.testing.assert_allclose(comp.sel(band="sentinel2/B2/p50").values, clear, rtol=1e-5)
