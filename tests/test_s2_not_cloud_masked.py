"""The Sentinel-2 sources' descriptions say what the model gets: cloudy pixels stay in the input (AEF.md section 1, no
input masking), Cloud Score+ flags them in the `cloud` layer, which weights the losses. Was: S2_L2A 'cloud-masked'
(true of a masked Earth Engine collection, not of `earthengine.to_stack_dataset`'s output, mask_clouds=False)."""
import pytest

from alphaearth_nb.sources import S2_L1C, S2_L2A, get_source, registered


def test_no_source_says_cloud_masked():
    assert not [n for n in registered() if "cloud-masked" in get_source(n).description]


@pytest.mark.parametrize("src", [S2_L2A, S2_L1C], ids=lambda s: s.name)
def test_sentinel2_says_the_cloud_layer_weights_the_losses(src):
    d = src.description
    assert "`cloud` layer" in d and "stay in the input" in d and "cs > 0.5" in d.replace("cs <= 0.5", "cs > 0.5"), d
