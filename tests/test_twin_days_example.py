"""SamplerConfig's refusal of a twin_days under 0 or not finite offers the default as it is written, twin_days=1 / 24
(an hour), Python that runs. Was 'pass e.g. twin_days=0.041666666666666664 (an hour)', the float's repr."""
import re

import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.samples import SamplerConfig


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf")])
def test_the_fix_is_the_default_as_written(bad):
    with pytest.raises(ConfigError) as e:
        SamplerConfig(twin_days=bad)
    msg = str(e.value)
    assert "pass e.g. twin_days=1 / 24 (an hour" in msg and "0.0416" not in msg, msg
    fix = re.search(r"pass e\.g\. twin_days=([^(]+) \(", msg).group(1)
    assert SamplerConfig(twin_days=eval(fix)).twin_days == SamplerConfig().twin_days
