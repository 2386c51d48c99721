"A misspelt config field or keyword (TrainConfig, ModelConfig, preset, SamplerConfig, fit) names the one meant."
import dataclasses

import pytest

from alphaearth_nb import corpus, losses, model, samples, stp
from alphaearth_nb.core import ConfigError, UnknownFieldError
from alphaearth_nb.train import TrainConfig, fit


@pytest.mark.parametrize("key, meant", [("batchsize", "batch_size"), ("learning_rat", "peak_lr"), ("lr", "peak_lr"),
                                        ("Batch_Size", "batch_size"), ("warmup_steps", "warmup")])
def test_train_config_names_the_field_meant_and_every_field(key, meant):  # was: TypeError, no name offered
    with pytest.raises(UnknownFieldError, match=rf"TrainConfig got an unknown name '{key}' \(did you mean '{meant}'\?\)"
                                                r": it takes steps, peak_lr, warmup, batch_size, .*prefetch\."):
        TrainConfig(**{key: 8})


def test_the_error_is_a_config_error_and_a_type_error():   # code that catches either still does
    for err in (ConfigError, TypeError):
        with pytest.raises(err): TrainConfig(batchsize=8)
    with pytest.raises(UnknownFieldError, match="'batchsize' \\(did you mean 'batch_size'"):
        dataclasses.replace(TrainConfig(), batchsize=8)   # replace builds through __init__ too
    assert TrainConfig(batch_size=8).batch_size == 8


@pytest.mark.parametrize("make, words", [
    (lambda: model.ModelConfig(stp.STPConfig(), embed_dm=8), "ModelConfig got an unknown name 'embed_dm' (did you mean 'embed_dim'?)"),
    (lambda: stp.STPConfig(blocs=2), "STPConfig got an unknown name 'blocs' (did you mean 'blocks'?)"),
    (lambda: samples.SamplerConfig(patchsize=16), "SamplerConfig got an unknown name 'patchsize' (did you mean 'patch'?)"),
    (lambda: losses.LossWeights(uniformty=0), "LossWeights got an unknown name 'uniformty' (did you mean 'uniformity'?)"),
    (lambda: corpus.CorpusConfig(scenes=3), "CorpusConfig got an unknown name 'scenes' (did you mean 'n_scenes'?)"),
    (lambda: model.preset("tiny", embed_dm=8), "preset('tiny') got an unknown name 'embed_dm' (did you mean 'embed_dim'?)"),
    (lambda: model.preset("tiny", stp={"blocs": 1}), "preset('tiny', stp={...}) got an unknown name 'blocs' (did you mean 'blocks'?)"),
    (lambda: model.preset("tiny", batchsize=8), "'batchsize', a training setting (TrainConfig.batch_size), not the model's"),
    (lambda: model.preset("tiny", learning_rate=1e-3), "a training setting (TrainConfig.peak_lr)"),
    (lambda: fit("tiny", None, batchsize=8), "fit() got an unknown name 'batchsize' (did you mean 'batch_size'?): it "
                                             "takes model, data, steps, batch_size,"),
])
def test_every_config_door_names_the_field_meant(make, words):
    with pytest.raises(UnknownFieldError) as e: make()
    assert words in str(e.value), str(e.value)


def test_preset_takes_the_encoders_fields_as_a_dict_too():   # was: TypeError 'replace() should be called on dataclass'
    assert model.preset("tiny", stp={"blocks": 1}).stp.blocks == 1
