"""A setting given as text that spells no number is refused with an example that is valid for that setting
(`core.whole` / `core.real` given the field's default), not a placeholder such as peak_lr=0.5."""
import dataclasses
import re

import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.step import TrainConfig

NUMERIC = [f.name for f in dataclasses.fields(TrainConfig) if str(f.type).split(" |")[0] in ("int", "float")]


@pytest.mark.parametrize("name", NUMERIC)
def test_unparsable_text_gets_a_valid_example(name):
    with pytest.raises(ConfigError) as e:
        TrainConfig(**{name: "abc"})
    m = re.search(rf"e\.g\. {name}=(\S+)", str(e.value))
    assert m, str(e.value)
    example = float(m.group(1).rstrip("."))
    TrainConfig(**{name: int(example) if example.is_integer() else example})   # the example is accepted as it is
    default = dataclasses.asdict(TrainConfig())[name]
    if default is not None: assert example == default, (name, example, default)
