"A fold count past any sensible evaluation (10**24 loops for ever) is refused where it is given, naming folds."
import contextlib, io

import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import ConfigError
from alphaearth_nb.evaluate import FOLDS_MAX, as_folds, evaluate_embeddings, evaluate_regression
from alphaearth_nb.testing import random_unit

X, Y = random_unit((8,)), [0, 1] * 4


@pytest.mark.parametrize("folds", [10**24, FOLDS_MAX + 1, 0, -1, {1: 10**24}, "abc", 1.5])
def test_evaluate_refuses_folds(folds):
    with pytest.raises(ConfigError, match="folds="):
        evaluate_embeddings(X, Y, shots=1, folds=folds)


@pytest.mark.parametrize("folds", [10**24, 0])
def test_regression_refuses_folds(folds):
    with pytest.raises(ConfigError, match="folds="):
        evaluate_regression(X, range(8), folds=folds)


def test_evaluate_takes_a_small_count():
    t = evaluate_embeddings(X, Y, shots=1, folds={1: 2}, methods=("knn1",))
    assert (t.folds == 2).all()


def test_cli_refuses_folds():
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = aef.cli.main(["evaluate", "--embeddings", ".", "--folds", str(10**24)])
    last = err.getvalue().strip().splitlines()[-1]
    assert rc == 2 and last.startswith("aef: error:") and "--folds" in last and "1000" in last, err.getvalue()


@pytest.mark.parametrize("folds", ["0", str(FOLDS_MAX + 1)])
def test_cli_folds_is_the_one_rule(folds):
    # `aef --folds` is read by evaluate.as_folds itself (was its own copy of the range, with other words)
    with pytest.raises(ConfigError) as e: as_folds(int(folds), "--folds")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = aef.cli.main(["evaluate", "--embeddings", ".", "--folds", folds])
    last = err.getvalue().strip().splitlines()[-1]
    assert rc == 2 and last == f"aef: error: argument --folds: {str(e.value)[8:]}, or --folds paper", last


@pytest.mark.parametrize("folds", ["abc", None, {1: 5}])
def test_regression_folds_name_its_default(folds):
    # regression draws 100 folds by default and takes no dict of levels: its text error offers 100, not the 1000
    with pytest.raises(ConfigError, match=r"^folds=.* is not a whole number: pass e\.g\. folds=100\.$"):
        evaluate_regression(X, range(8), folds=folds)
