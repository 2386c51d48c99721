"""One number, one answer, in Python, a YAML file and on the command line. Python's float 1e5 is 100000 steps
(`core.whole`), `aef train --steps 1e5` too (`cli_args._count`); PyYAML (YAML 1.1) gives `steps: 1e5` as the text
'1e5', which a config refuses (text is never read as a number), so its refusal writes the form YAML reads as that
number, and that form read from YAML gives what Python gives. Was: '1e5' advised int(float()) alone; '1.0e8' (a dot,
no sign: text to YAML 1.1 too) got no YAML advice; '1e-4' got 'write 1.0e-4' by a fixed example, not from its own
digits; '1e30' for a count was told "convert them with int(float()) first: '1e30' is 1000000000000000019884624838656",
a number it does not spell."""
import contextlib
import io
import re

import pytest

from alphaearth_nb.cli_args import parser
from alphaearth_nb.core import ConfigError
from alphaearth_nb.step import TrainConfig

yaml = pytest.importorskip("yaml")

FIELDS = {"steps": "--steps", "peak_lr": "--lr", "eps": None, "batch_size": "--batch-size"}   # field -> its flag
TEXTS = {"steps": ("1e5", "1.0e5", "1E4", "100000", "2.5e0"), "peak_lr": ("1e-4", "1.0e-4", "1.5e-3", "5E-4"),
         "eps": ("1e-8", "1.0e-8", "1.0e8"), "batch_size": ("1e3", "8.0e1", "64")}


def _config(field, v):
    "Python's answer: the field's value as the config reads it, or None where it is refused."
    try: return getattr(TrainConfig(**{field: v, "warmup": 0}), field)
    except ConfigError: return None


def _cli(flag, text):
    with contextlib.redirect_stderr(io.StringIO()):
        try: a = parser().parse_args(["train", f"{flag}={text}"])
        except SystemExit: return None
    return getattr(a, {"--lr": "lr", "--batch-size": "batch_size", "--steps": "steps"}[flag])


@pytest.mark.parametrize("field, text", [(f, t) for f in FIELDS for t in TEXTS[f]])
def test_one_answer(field, text):
    python = _config(field, float(text))   # the number written, as Python's literal gives it
    if (flag := FIELDS[field]) is not None:
        assert _cli(flag, text) == python, (flag, text, python)
    given = yaml.safe_load(f"{field}: {text}")[field]
    if not isinstance(given, str):   # YAML read it as a number: the answer is Python's
        assert _config(field, given) == python, (text, given)
        return
    with pytest.raises(ConfigError) as e: TrainConfig(**{field: given, "warmup": 0})
    said = str(e.value)
    if python is None:   # no number the field takes (a fraction for a count): no YAML form offered
        assert "YAML" not in said, said
        return
    m = re.search(r"YAML 1\.1 reads \S+, without (a dot|a sign in its exponent), as text: write (\S+?)\)?\.?$", said)
    assert m, said
    assert _config(field, yaml.safe_load(f"{field}: {m[2]}")[field]) == python, (text, m[2])   # the form offered reads


def test_hand_worked():
    with pytest.raises(ConfigError, match=r"convert them with int\(float\(\)\) first: '1e5' is 100000; YAML 1\.1 "
                                          r"reads 1e5, without a dot, as text: write 100000\)\.$"):
        TrainConfig(steps="1e5")
    with pytest.raises(ConfigError, match=r"YAML 1\.1 reads 1\.0e8, without a sign in its exponent, as text: write "
                                          r"1\.0e\+8\)\.$"):
        TrainConfig(eps="1.0e8")
    with pytest.raises(ConfigError) as e: TrainConfig(steps="1e30")   # int(float('1e30')) is not 10**30
    assert "int(float())" not in str(e.value) and "YAML" not in str(e.value), str(e.value)
