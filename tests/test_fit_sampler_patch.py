"""fit with a sampler of another patch than the model's (`sampler={'patch': 16}` for tiny's 32, or a
`SamplerConfig(patch=16)`, or Batches cut at 16) failed inside the first jitted step with a GridError whose fix was
for `embed` ('cut the stack into 32 x 32 tiles (embed.embed does this)'), and fit's own message offered
`sampler={'patch': 16}` as its example. It is now a ConfigError before any example is drawn, naming both sizes and
the fixes (leave patch out, or a model of that patch); the same for the text width."""
import pytest

import alphaearth_nb as aef
from alphaearth_nb import samples
from alphaearth_nb.core import ConfigError
from alphaearth_nb.stacks import toy_stack


@pytest.fixture(scope="module")
def stack():
    return toy_stack(n_time=4, size=40)


@pytest.mark.parametrize("sampler", [{"patch": 16}, samples.SamplerConfig(patch=16)])
def test_other_patch_is_refused_at_the_door(stack, sampler):
    with pytest.raises(ConfigError) as e:
        aef.fit("tiny", stack, steps=1, batch_size=2, sampler=sampler, progress=False)
    msg = str(e.value)
    assert "patch=16 but the model's is 32" in msg and "leave patch out of sampler=" in msg, msg
    assert "aef.preset('tiny', patch=16)" in msg and "embed" not in msg, msg


def test_batches_of_another_patch_are_refused(stack):
    cfg = samples.sampler_config(aef.preset("tiny"), "tiny", patch=16)
    with pytest.raises(ConfigError, match=r"the Batches' sampler has patch=16 but the model's is 32"):
        aef.fit("tiny", samples.Batches(stack, cfg, 2), steps=1, batch_size=2, progress=False)


def test_other_text_width_is_refused(stack):
    with pytest.raises(ConfigError, match=r"text_dim=8 but the model's is \d+"):
        aef.fit("tiny", stack, steps=1, batch_size=2, sampler={"text_dim": 8}, progress=False)


def test_fits_example_is_a_field_that_works():
    with pytest.raises(ConfigError, match=r"e\.g\. sampler=\{'n_texts': 4\}"):
        samples.model_sampler(aef.preset("tiny"), "tiny", 3)


def test_a_patch_no_model_reads_is_not_offered_as_a_model():
    "patch=17 was answered 'e.g. aef.preset('tiny', patch=17)', itself a ConfigError (not divisible by 16)."
    stack = toy_stack(n_time=4, size=40)
    with pytest.raises(ConfigError) as e:
        aef.fit("tiny", stack, steps=1, batch_size=2, sampler={"patch": 17}, progress=False)
    msg = str(e.value)
    assert "patch=17 but the model's is 32" in msg and "patch=17)" not in msg and "multiple of 16" in msg, msg
