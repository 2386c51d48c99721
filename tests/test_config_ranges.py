"""Values a config took that no run can use, refused where the config is made, naming the fix; and `aef train`'s
settings and model refused before its plan and the stack's loading. Field cases found in session 38 after the
numbers of every config were read by one rule (tests/test_config_numbers_one_rule.py)."""
import math

import pytest
import xarray as xr

from alphaearth_nb import corpus, losses, model, samples, stp
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError
from alphaearth_nb.stacks import toy_stack


def test_model_sources_none_or_comma_text():
    with pytest.raises(ConfigError, match=r"ModelConfig.targets=None names no source"):   # was TypeError
        model.ModelConfig(stp.STPConfig(), targets=None)
    # a YAML value or `--inputs` text lists its sources (was: one source 'sentinel2, sentinel1', 'did you mean...?')
    assert model.preset("tiny", inputs="sentinel2, sentinel1").inputs == ("sentinel2", "sentinel1")
    with pytest.raises(ConfigError, match=r"'dem' is a target-only source .*among the targets, not the inputs"):
        model.preset("tiny", inputs=("dem",))


@pytest.mark.parametrize("kw, said", [
    (dict(period_days=math.inf), r"period_days \(inf\), finite"),          # no period is ever drawn
    (dict(twin_days=-1), r"twin_days=-1.0 must be a finite number of days >= 0"),
    (dict(twin_days=math.nan), r"twin_days=nan must be a finite"),
])
def test_sampler_day_spans(kw, said):
    with pytest.raises(ConfigError, match=said):
        samples.SamplerConfig(**kw)


def test_perturbation_probabilities_are_numbers():
    with pytest.raises(ConfigError, match=r"drop_source\['landsat'\]=True is not a number"):
        losses.Perturbations(drop_source={"landsat": True})
    with pytest.raises(ConfigError, match=r"modes\[2\]=True is not a number"):
        losses.Perturbations(modes=(0.5, 0.5, True))   # was: 'must be 3 probabilities summing to 1', which they do
    assert losses.Perturbations(drop_frame={"sentinel2": 1}).drop_frame == (("sentinel2", 1.0),)


def test_corpus_spans_and_years():
    with pytest.raises(ConfigError, match=r"phenology_days=-5 .* pass numbers >= 0"):
        corpus.CorpusConfig(phenology_days=-5)   # was accepted: an empty range at the first draw
    with pytest.raises(ConfigError, match=r"scene_jitter_days=-1"):
        corpus.CorpusConfig(scene_jitter_days=-1)
    with pytest.raises(ConfigError, match=r"years\[0\]=2.5 is not a whole number"):
        corpus.CorpusConfig(years=(2.5, 4))
    assert corpus.CorpusConfig(years=[2.0, 3]).years == (2, 3)


@pytest.fixture(scope="module")
def s3_zarr(tmp_path_factory):
    p = tmp_path_factory.mktemp("s3") / "s3.zarr"
    toy_stack(size=48).to_zarr(p, consolidated=False)
    return p


@pytest.mark.parametrize("extra, said", [
    (["--batch-size", "3000000000"], "argument --batch-size: 3000000000: more than 2**31 - 1"),
    (["--inputs", "dem,sentinel2", "--targets", "dem"], "'dem' is a target-only source"),
])
def test_aef_train_refuses_before_the_plan_and_the_data(s3_zarr, tmp_path, capsys, monkeypatch, extra, said):
    from alphaearth_nb import train_cmd
    monkeypatch.setattr(train_cmd, "open_data", lambda p: (_ for _ in ()).throw(AssertionError("data opened")))
    code = main(["train", "--preset", "tiny", "--data", str(s3_zarr), "--out", str(tmp_path / "r"), "--steps", "2",
                 *extra])
    err = capsys.readouterr().err
    assert code == 2 and said in err and "training `tiny`" not in err, err   # no plan said, no data opened
    assert not (tmp_path / "r").exists()


def test_fit_reads_a_preset_name_in_any_case(monkeypatch):
    "fit('Tiny') built tiny (preset reads any case), then its sampler was 'unknown sampler preset 'Tiny''."
    from alphaearth_nb import train
    from alphaearth_nb.step import TrainConfig
    monkeypatch.setattr(train, "_cached_step", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("compiled")))
    only = xr.DataTree.from_dict({"sentinel2": toy_stack(size=48)["sentinel2"].to_dataset()})
    for name in ("Tiny", " tiny "):
        with pytest.raises(RuntimeError, match="compiled"):   # reached the step: sampled as tiny
            train.fit(name, only, config=TrainConfig(steps=1, warmup=0, batch_size=2), progress=False)
    assert samples.sampler_config(model.preset("tiny"), "Tiny") == samples.sampler_config(model.preset("tiny"), "tiny")
