"""One reading of number text (core.decimal) for every `aef` number option, the AEF_ count variables and 'knn<k>':
spaces around and a sign read ('10', ' 10 ', '+10'), Python's other readings refused ('1_0', which int() and float()
read as 10; another script's digits; '10.0' and '1e3' for a count variable, while a count option reads them as the
whole numbers they write, as Python's `whole` reads the floats: tests/test_cli_count_text.py)."""
import contextlib
import io

import pytest

from alphaearth_nb.cli_args import parser
from alphaearth_nb.core import ConfigError, decimal
from alphaearth_nb.runtime import cpu_devices, cpu_threads
from alphaearth_nb.evaluate import _parse_methods

READ = {"10": 10, " 10 ": 10, "+10": 10}
REFUSED = ("1_0", "10.0", "1e3", "١٠", "0x10", "")
OPTION_READ = {**READ, "10.0": 10, "1e1": 10}   # an option: the whole number the text writes (TrainConfig(steps=1e5))
OPTION_REFUSED = ("1_0", "10.5", "1e-1", "١٠", "0x10", "")

OPTIONS = {   # option -> the command line before it and the attribute it sets
    "--steps": (["demo"], "steps"), "--batch-size": (["demo"], "batch_size"), "--seed": (["demo"], "seed"),
    "--warmup": (["train"], "warmup"), "--folds": (["evaluate", "--embeddings", "."], "folds"),
    "--shots": (["evaluate", "--embeddings", "."], "shots")}


def _parse(args):
    with contextlib.redirect_stderr(io.StringIO()) as err:
        try: return parser().parse_args(args), ""
        except SystemExit: return None, err.getvalue()


@pytest.mark.parametrize("opt", OPTIONS)
def test_every_count_option_reads_decimal_text_only(opt):
    "`--shots=1_0` ran 10 shots (int() reads underscores); now each option refuses it, naming the option."
    before, attr = OPTIONS[opt]
    for text, n in OPTION_READ.items():
        a, err = _parse([*before, f"{opt}={text}"])
        assert a is not None, (opt, text, err)
        assert getattr(a, attr) == ((n,) if opt == "--shots" else n), (opt, text)
    for text in OPTION_REFUSED:
        a, err = _parse([*before, f"{opt}={text}"])
        assert a is None and f"argument {opt}" in err, (opt, text, a)


def test_lr_reads_decimal_numbers_only():
    for text in ("1e-4", " 0.0001 ", "+1e-4", ".0001"):
        a, err = _parse(["train", f"--lr={text}"])
        assert a is not None and a.lr == pytest.approx(1e-4), (text, err)
    for text in ("1_0e-5", "nan", "1e-4x"):
        a, err = _parse(["train", f"--lr={text}"])
        assert a is None and "argument --lr" in err, text


@pytest.mark.parametrize("fn, name", [(cpu_threads, "AEF_CPU_THREADS"), (cpu_devices, "AEF_CPU_DEVICES")])
def test_count_variables(fn, name, monkeypatch):
    for text, n in READ.items():
        monkeypatch.setenv(name, text)
        assert fn() == n, text
    for text in ("+0", "00"):   # 0 means jaxlib's default, however written
        monkeypatch.setenv(name, text)
        assert fn() is None, text
    for text in (*REFUSED[:-1], "-1"):
        monkeypatch.setenv(name, text)
        with pytest.raises(ConfigError, match=name): fn()


def test_knn_k_is_bare_digits():
    assert _parse_methods(("knn3", "knn10", "linear"))[1] == {"knn3": 3, "knn10": 10}
    for m in ("knn1_0", "knn+3", "knn 3", "knn٣"):
        with pytest.raises(Exception, match="unknown methods"): _parse_methods((m,))


def test_decimal_itself():
    assert [decimal(t) for t in ("7", " 7\n", "+7", "-7")] == [7, 7, 7, -7]
    assert [decimal(t) for t in ("1_0", "7.0", "7e0", "٧", "", None, 7)] == [None] * 7
    assert decimal("1e-4", float) == 1e-4 and decimal("1_0.5", float) is None and decimal("inf", float) is None
    assert decimal("3", bare=True) == 3 and decimal(" 3", bare=True) is None and decimal("+3", bare=True) is None
