"""Every config dataclass reads its numbers by one rule (`core.typed_fields`): a bool is not a number anywhere
(`STPConfig(mlp_ratio=True)` was a ratio of 1.0), text is refused with the hint that says why ('4' from a YAML file or
the command line), a float that spells another whole number than it holds (1e30) and a count past 2**31 - 1
(`batch_size=2**40`) are refused naming the fix. And an unknown name suggests a real field, not one an alias of a
field looks like (`wdith` was 'did you mean blocks?', by difflib's 0.6 to the alias 'depth'). Field cases of
session 37."""
import dataclasses

import pytest

from alphaearth_nb import corpus, losses, model, samples, stp
from alphaearth_nb.core import ConfigError, UnknownFieldError, whole
from alphaearth_nb.step import TrainConfig

CONFIGS = [TrainConfig, stp.STPConfig, model.ModelConfig, samples.SamplerConfig, losses.LossWeights,
           losses.Perturbations, corpus.CorpusConfig]


def _make(cls, **kw):
    return cls(stp.STPConfig(), **kw) if cls is model.ModelConfig else cls(**kw)


def _numeric(cls):
    "The fields of `cls` annotated as a number (int, float, or either or None)."
    return [f.name for f in dataclasses.fields(cls) if str(f.type).replace(" ", "") in
            ("int", "float", "int|None", "float|None")]


CASES = [(c, f) for c in CONFIGS for f in _numeric(c) if f != "start_year"]   # a year: `periods.as_year`


def test_every_config_has_numbers_to_check():
    assert {c for c, _ in CASES} == set(CONFIGS) and len(CASES) >= 50, len(CASES)


@pytest.mark.parametrize("cls, name", CASES, ids=[f"{c.__name__}.{f}" for c, f in CASES])
def test_a_bool_is_no_number(cls, name):
    with pytest.raises(ConfigError, match=rf"^{name}=True is not a (whole )?number: pass e.g. {name}="):
        _make(cls, **{name: True})


@pytest.mark.parametrize("cls, name", CASES, ids=[f"{c.__name__}.{f}" for c, f in CASES])
def test_text_is_refused_with_the_hint(cls, name):
    with pytest.raises(ConfigError, match=r"text is not read as a number, not even '4'.*convert them with (int|float)"):
        _make(cls, **{name: "4"})


def test_stp_ratio_bool_and_text():
    with pytest.raises(ConfigError, match=r"mlp_ratio=True is not a number: pass e\.g\. mlp_ratio=9\.0"):
        stp.STPConfig(mlp_ratio=True)
    with pytest.raises(ConfigError, match=r"precision_ratio='2' is not a number: pass e\.g\. precision_ratio=2\.0 \(text"):
        stp.STPConfig(precision_ratio="2")
    with pytest.raises(ConfigError, match=r"mlp_ratio=inf must be a finite number > 0"):
        stp.STPConfig(mlp_ratio=float("inf"))
    assert stp.STPConfig(mlp_ratio=4).mlp_ratio == 4.0 and isinstance(stp.STPConfig(mlp_ratio=4).mlp_ratio, float)
    assert stp.STPConfig(patch=32.0, blocks=2).patch == 32   # a whole float is a count, as TrainConfig(steps=1e5)


def test_a_float_past_2_53_is_no_exact_count():
    # 1e30 as a float is 2**99 * 1.5777218104420236 = 1000000000000000019884624838656, not 10**30
    assert int(1e30) == 10**30 + 19884624838656
    with pytest.raises(ConfigError, match=r"batch_size=1e\+30 is a float that holds 1000000000000000019884624838656, "
                                          r"not the whole number it spells .*pass an int, e\.g\. batch_size=256"):
        TrainConfig(batch_size=1e30)
    assert whole(1e18, "n") == 10**18 and whole(1e5, "n") == 100_000   # exact: the number written
    assert TrainConfig(steps=1e5).steps == 100_000


@pytest.mark.parametrize("kw", [dict(batch_size=2**40), dict(steps=10**12), dict(keep=2**31), dict(prefetch=2**62)])
def test_counts_past_int32_are_refused(kw):
    (k, v), = kw.items()
    with pytest.raises(ConfigError, match=rf"{k}={v}: .*2\*\*31 - 1"):
        TrainConfig(**kw)
    assert TrainConfig(batch_size=2**31 - 1).batch_size == 2**31 - 1   # the largest is taken


def test_model_and_sampler_counts_past_int32():
    with pytest.raises(ConfigError, match=r"embed_dim=1099511627776: more than 2\*\*31 - 1"):
        model.preset("tiny", embed_dim=2**40)
    with pytest.raises(ConfigError, match=r"n_texts=4294967296: more than 2\*\*31 - 1"):
        samples.SamplerConfig(n_texts=2**32)


def test_sampler_frames_and_loss_weights():
    with pytest.raises(ConfigError, match=r"frames=True is not a whole number"):
        samples.SamplerConfig(frames=True)   # was 1 frame
    with pytest.raises(ConfigError, match=r"frames\['sentinel2'\]=2\.5 is not a whole number"):
        samples.SamplerConfig(frames={"sentinel2": 2.5})
    assert samples.SamplerConfig(frames=[("sentinel2", 8.0)]).frames == (("sentinel2", 8),)
    with pytest.raises(ConfigError, match=r"LossWeights\.clip=nan must be finite and >= 0"):
        losses.LossWeights(clip=float("nan"))   # was accepted: every loss NaN
    with pytest.raises(ConfigError, match=r"sources\['gedi'\]=True is not a number"):
        losses.LossWeights(sources={"gedi": True})
    assert losses.LossWeights(uniformity=0).uniformity == 0.0


@pytest.mark.parametrize("call, said", [
    (lambda: model.preset("tiny", stp={"wdith": 3}), r"got an unknown name 'wdith': it takes"),   # no alias's field
    (lambda: model.preset("tiny", stp={"depth": 3}), r"'depth' \(did you mean 'blocks'\?\)"),   # the alias itself
    (lambda: model.preset("tiny", stp={"Depth": 3}), r"'Depth' \(did you mean 'blocks'\?\)"),
    (lambda: model.preset("tiny", stp={"depht": 3}), r"'depht' \(did you mean 'blocks'\?\)"),   # a close slip of it
    (lambda: model.preset("tiny", stp={"blocs": 3}), r"'blocs' \(did you mean 'blocks'\?\)"),
    (lambda: TrainConfig(learning_rat=1e-3), r"'learning_rat' \(did you mean 'peak_lr'\?\)"),
])
def test_unknown_names_suggest_real_fields(call, said):
    with pytest.raises(UnknownFieldError, match=said):
        call()
