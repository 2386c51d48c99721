"""A count given as text is told to convert it only where the conversion gives a count the setting can take: none
for '-1e5' (was 'convert them with int(float()) first: '-1e5' is -100000', a count refused next), '-8' (int()),
'3e9' (past 2**31 - 1) or '1e23' (int(float()) gives 99999999999999991611392); '1e5' and '8' keep theirs."""
import pytest

from alphaearth_nb.core import ConfigError, whole


def _said(text):
    with pytest.raises(ConfigError) as e:
        whole(text, "steps", 100000)
    return str(e.value)


@pytest.mark.parametrize("text", ["-1e5", "-8", "3e9", "1e23"])
def test_no_conversion_to_a_refused_count(text):
    said = _said(text)
    assert "convert them" not in said and "write -" not in said, said

@pytest.mark.parametrize("text,how", [("1e5", "int(float())"), ("8", "int()"), ("2147483647", "int()")])
def test_a_takeable_count_keeps_its_conversion(text, how):
    assert f"convert them with {how} first" in _said(text)
