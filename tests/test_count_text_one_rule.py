"""A count's text is read by one rule, core.count_text: `aef`'s count options (cli_args), the int(float()) fix of
`whole`'s refusal of text (core._text_why) and its YAML form (core._yaml_why) name the same number, or none. Was: three
readings (cli_values._count, and two in core), which disagreed on '1.00000000000000001e5': the one refusal of
TrainConfig(steps=...) said 'write 100000' (the YAML form, by the float) and offered no int(float()) (by the text),
and `--steps` refused it: text of a fraction, no count."""
import re

import pytest

from alphaearth_nb import cli_args, cli_values
from alphaearth_nb.core import COUNT_MAX, ConfigError, count_text, whole

TEXTS = {"10": 10, " +10 ": 10, "1e5": 100000, "10.0": 10, "1.5e1": 15, ".1e2": 10, "-1e5": -100000,
         "2147483647.0": COUNT_MAX, "1e30": 10**30, "1.00000000000000001e5": None, "2.5": None, "1e-3": None,
         "1_0": None, "inf": None, "nan": None, "1e999": None, "": None, "ten": None}


@pytest.mark.parametrize("text,count", TEXTS.items())
def test_one_reading(text, count):
    assert count_text(text) == count
    assert cli_values._count(text) == count                    # aef train --steps TEXT


def _refusal(text):
    with pytest.raises(ConfigError) as e:
        whole(text, "steps", 1000)
    return str(e.value)


@pytest.mark.parametrize("text", ["1e5", "1.5e1", ".1e2", "2.147483647e9", "1.00000000000000001e5", "-1e5", "3e9"])
def test_the_refusals_fixes_name_the_one_reading(text):
    said, n = _refusal(text), count_text(text)
    offered = {int(m) for m in re.findall(r"is (\d+)\)?|write (\d+)", said) for m in m if m}
    takes = n is not None and 0 <= n <= COUNT_MAX
    assert offered == ({n} if takes else set()), said
    if takes: assert int(float(text)) == n                   # the conversion offered runs to that count
    ok = cli_args.parser().parse_args(["train", "--steps", text]).steps if takes and n else None
    assert ok == (n if takes and n else None)
