"""ModelConfig's kappa and summary_decay are finite positive numbers: kappa=inf (a vMF of infinite concentration:
`losses`' sampler divides by it) and summary_decay=nan or inf (the time pooling's logit penalty: NaN logits) are
ConfigError naming the field, as 0 and negatives were. Was: accepted (`not kappa > 0` and `summary_decay <= 0` let
inf and NaN through), the failure left to the first step."""
import dataclasses
import math

import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.model import preset


@pytest.mark.parametrize("field", ["kappa", "summary_decay"])
@pytest.mark.parametrize("value", [math.inf, math.nan, -math.inf])
def test_a_non_finite_constant_is_refused(field, value):
    with pytest.raises(ConfigError, match=rf"{field}=(inf|nan|-inf) must be"):
        dataclasses.replace(preset("tiny"), **{field: value})


@pytest.mark.parametrize("field, value", [("kappa", 8000.0), ("kappa", 1e-3), ("summary_decay", 2.0), ("summary_decay", 1e6)])
def test_a_finite_positive_constant_is_kept(field, value):
    assert getattr(dataclasses.replace(preset("tiny"), **{field: value}), field) == value
