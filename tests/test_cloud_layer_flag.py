"""The `cloud` layer is a 0/1 flag (1 = cloudy). A Cloud Score+ `cs` (0..1, 1 = clear), a score in percent or a class
layer given as `cloud` was read as cloudy wherever nonzero, so training gave the source's reconstruction no weight
(recon = 0.0 every step) with no word (newcomer s53, item 1)."""
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import SourceWarning, TrainingWarning, UnitsError
from alphaearth_nb.stacks import toy_stack, validate_stack

DIMS = ("time", "y", "x")


def _s2(cloud):
    s2 = toy_stack()["sentinel2"].to_dataset()
    return s2.assign(cloud=(DIMS, cloud(np.random.default_rng(1), s2["B2"].shape)))


@pytest.mark.parametrize("cloud, words", [
    (lambda r, s: r.uniform(0.6, 1.0, s), "cloud_score_clear"),            # Cloud Score+ cs, every pixel clear
    (lambda r, s: r.uniform(0, 100, s).round(), "<= 50"),                  # a score / probability in percent
    (lambda r, s: r.integers(0, 12, s).astype("f4"), "isin([3, 8, 9, 10])"),  # an SCL class layer
])
def test_a_cloud_layer_that_is_no_flag_is_refused_with_the_recipe(cloud, words):
    with pytest.raises(UnitsError, match="values other than 0 and 1") as e:
        validate_stack(_s2(cloud))
    assert words in str(e.value) and "1 (True) where a pixel is cloudy" in str(e.value)


def test_a_cloud_layer_flagging_every_pixel_is_told():
    with pytest.warns(SourceWarning, match="flags every pixel read"):
        validate_stack(_s2(lambda r, s: np.ones(s, "f4")))


@pytest.mark.parametrize("cloud", [lambda r, s: r.random(s) > 0.7,
                                   lambda r, s: np.where(r.random(s) > 0.9, np.nan, (r.random(s) > 0.7).astype("f4"))])
def test_a_flag_passes_without_a_word(cloud):
    with warnings.catch_warnings():
        warnings.simplefilter("error", SourceWarning)
        validate_stack(_s2(cloud))


def test_a_zero_reconstruction_term_is_warned_once_naming_the_source():
    from alphaearth_nb.losses import unweighed_watch
    runs = {}
    with pytest.warns(TrainingWarning, match="reconstruction term of sentinel2 was 0 for 10 logged steps") as w:
        for k in range(12): runs = unweighed_watch({"step": k + 1, "recon/sentinel2": 0.0, "recon/sentinel1": 0.5}, runs)
    assert runs == {"sentinel2": -1, "sentinel1": 0} and sum("reconstruction term" in str(x.message) for x in w) == 1
    assert "step 10" in str(w[0].message) and "cloud` layer" in str(w[0].message) and "sparse" in str(w[0].message)


@pytest.mark.slow
def test_fit_warns_when_every_target_pixel_is_flagged():
    s2 = toy_stack(size=40)["sentinel2"].to_dataset()
    s2["cloud"] = s2["B3"] * 0 + 1   # every pixel flagged: no target frame has a clear pixel, 10 steps in a row
    with pytest.warns(SourceWarning), pytest.warns(TrainingWarning, match="reconstruction term of sentinel2 was 0"):
        aef.fit("tiny", s2.assign_attrs(source="sentinel2"), steps=10, batch_size=2, progress=False)
