"""One value, one answer: a count option of `aef` reads the text of a number the way Python's config reads the number
(`core.whole`: the float 1e5 is 100000, 10.0 is 10, 2.5 and 1e-3 are no whole number). Was: `aef train --steps 1e5`
refused ("'1e5' is not a whole number") where `TrainConfig(steps=1e5)` trained 100000 steps; `--shots 1e1` refused where
`evaluate_embeddings(shots=(1e1,))` drew 10. Table-driven over every whole-number option of every command."""
import contextlib
import io

import pytest

from alphaearth_nb.cli_args import parser
from alphaearth_nb.core import ConfigError, as_seed
from alphaearth_nb.evaluate import as_folds, as_levels
from alphaearth_nb.step import TrainConfig

EVAL = ["evaluate", "--embeddings", "."]
# option -> (the command line before it, the attribute it sets, Python's reading of the same number)
OPTIONS = {
    ("demo", "--steps"): (["demo"], "steps", lambda v: TrainConfig(steps=v, warmup=0).steps),
    ("demo", "--batch-size"): (["demo"], "batch_size", lambda v: TrainConfig(batch_size=v).batch_size),
    ("demo", "--seed"): (["demo"], "seed", as_seed),
    ("train", "--steps"): (["train"], "steps", lambda v: TrainConfig(steps=v, warmup=0).steps),
    ("train", "--batch-size"): (["train"], "batch_size", lambda v: TrainConfig(batch_size=v).batch_size),
    ("train", "--warmup"): (["train"], "warmup", lambda v: TrainConfig(warmup=v).warmup),
    ("train", "--seed"): (["train"], "seed", as_seed),
    ("evaluate", "--folds"): (EVAL, "folds", lambda v: as_folds(v, "folds")),
    ("evaluate", "--shots"): (EVAL, "shots", lambda v: as_levels((v,), "shots")),
    ("evaluate", "--seed"): (EVAL, "seed", as_seed),
}
# text on the command line -> the number Python is given for it
TEXTS = {"1e3": 1e3, "1E2": 1e2, "10.0": 10.0, "1.5e1": 1.5e1, "+1e2": 1e2, "2.5": 2.5, "1e-3": 1e-3, "-1e2": -1e2,
         "0.0": 0.0}


def _parse(args):
    with contextlib.redirect_stderr(io.StringIO()) as err:
        try: return parser().parse_args(args), ""
        except SystemExit: return None, err.getvalue()


def _python(read, v):
    try: return read(v)
    except ConfigError: return None


@pytest.mark.parametrize("where", OPTIONS, ids=lambda w: " ".join(w))
@pytest.mark.parametrize("text", TEXTS)
def test_a_count_option_answers_as_python_does(where, text):
    before, attr, read = OPTIONS[where]
    opt = where[1]
    want = _python(read, TEXTS[text])
    got, err = _parse([*before, f"{opt}={text}"])
    if want is None:
        assert got is None and f"argument {opt}:" in err, (text, got)
        return
    assert got is not None, (text, err)
    value = getattr(got, attr)
    assert value == want and type(value[0] if opt == "--shots" else value) is int, (text, value, want)


def test_hand_worked():
    "`aef train --steps 1e5` is 100000 steps, as TrainConfig(steps=1e5) is; '1e30' is 10**30 exactly (not the float's " \
    "1000000000000000019884624838656), then refused by the count's own bound; a fraction says so as before."
    assert _parse(["train", "--steps", "1e5"])[0].steps == 100000 == TrainConfig(steps=1e5).steps
    assert _parse(["evaluate", "--embeddings", ".", "--shots", "1,1e1,max"])[0].shots == (1, 10, "max")
    got, err = _parse(["train", "--steps", "2.5"])
    assert got is None and "argument --steps: '2.5' is not a whole number: pass e.g. --steps=1000." in err, err
    got, err = _parse(["train", "--seed", "1e30"])
    assert got is None and "argument --seed: 1000000000000000000000000000000: pass a whole number in 0 .. 2**63 - 1" \
        in err, err
    for text in ("1e999", "inf", "nan", "1_0"):   # no number, or none Python's literal gives: text, refused
        got, err = _parse(["train", "--steps", text])
        assert got is None and f"argument --steps: '{text}' is not a whole number" in err, (text, err)
