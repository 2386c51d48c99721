"""The fix a count's refusal offers for text runs on that text (core._text_why, review of session 38).

A count given as text is refused with the advice to convert it first. For '1e5' (PyYAML reads `steps: 1e5` as text,
YAML 1.1 wants a dot and a signed exponent for a float) the advice was `int()`, and int('1e5') is a ValueError; for
'2.5' and 'nan' too, which spell no count at all. Now: the conversion named is one that reads the text to the count
it spells (int(float('1e5')) = 100000), and text that spells no whole number gets no conversion to run."""
import re

import pytest

from alphaearth_nb.core import ConfigError, whole
from alphaearth_nb.step import TrainConfig


def _advice(text):
    with pytest.raises(ConfigError) as e:
        whole(text, "steps", 100000)
    return str(e.value), re.findall(r"convert them with (int\(\)|int\(float\(\)\))", str(e.value))


@pytest.mark.parametrize("text,count", [("8", 8), (" 8 ", 8), ("3_000", 3000), ("1e5", 100000), ("1.0e+5", 100000)])
def test_the_conversion_named_reads_the_text(text, count):
    msg, how = _advice(text)
    assert len(how) == 1, msg
    convert = {"int()": int, "int(float())": lambda s: int(float(s))}[how[0]]
    assert convert(text) == count   # was int() for '1e5': ValueError


@pytest.mark.parametrize("text", ["2.5", "nan", "inf", "-1e400"])
def test_text_of_no_whole_number_gets_no_conversion(text):
    msg, how = _advice(text)
    assert how == [] and "is not a whole number" in msg   # was 'convert them with int() first': int('2.5') fails


def test_a_config_from_yaml_names_the_count():
    with pytest.raises(ConfigError, match=r"int\(float\(\)\).*'1e5' is 100000"):
        TrainConfig(steps="1e5")   # yaml.safe_load('steps: 1e5') == {'steps': '1e5'}
