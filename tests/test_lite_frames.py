"""AEF.md section 1 / arXiv 2507.22291 S2.3: a lite model trains on 103 frames a sequence, 65 Sentinel-2, 17
Sentinel-1 and 21 Landsat, at L = 128 with two year-long periods a site: the sampler a lite `ModelConfig` gets (what
`fit` and `aef train` build, through `model.preset_of` and `samples.sampler_config`)."""
from alphaearth_nb import model
from alphaearth_nb.samples import sampler_config


def test_lite_sampler_is_the_papers():
    cfg = model.preset("lite")
    assert model.preset_of(cfg) == "lite"            # fit(AlphaEarth(preset("lite"))) samples as fit("lite")
    s = sampler_config(cfg, model.preset_of(cfg))
    by_family = {cfg.source(n).family: s.n_frames(n) for n in cfg.inputs}
    assert by_family == {"sentinel2": 65, "sentinel1": 17, "landsat": 21}
    assert sum(by_family.values()) == 103
    assert (s.patch, s.period_days, s.periods_per_site) == (128, 365.25, 2)
