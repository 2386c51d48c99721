"N19-9: what a first run of `aef` needs is in its help, its errors and its progress."
import argparse, re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import evaluate
from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names


def _help(capsys, cmd) -> dict:
    "option -> its help text (whitespace collapsed), from `aef CMD --help` itself."
    assert main([cmd, "--help"]) == 0
    body = capsys.readouterr().out.split("options:")[1]
    parts = re.split(r"(?m)^  (?=-)", body)[1:]   # one part per option line, `  --x X   text`
    return {p.split()[0].rstrip(","): " ".join(p.split()) for p in parts}


def _options(cmd):
    from alphaearth_nb.cli_args import parser
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices[cmd]
    return [a for a in sub._actions if a.option_strings and a.dest != "help"]


@pytest.mark.parametrize("cmd", ["demo", "train", "embed", "evaluate", "classify", "similarity", "change"])
def test_help_gives_every_option_a_text_and_its_default(cmd, capsys):
    texts = _help(capsys, cmd)
    for a in _options(cmd):
        t = texts[a.option_strings[0]]
        words = t.split()[1 + (a.nargs != 0):]   # after the option (and its metavar)
        assert len(words) >= 3, f"{cmd} {a.option_strings[0]} has no help: {t!r}"
        if a.required or a.nargs == 0: continue   # a required value / an on-off flag has no default to give
        assert "default" in t, f"{cmd} {a.option_strings[0]}: no default in {t!r}"
        if a.default is not None:
            shown = a.default if isinstance(a.default, str) else ",".join(map(str, a.default)) \
                if isinstance(a.default, tuple) else str(a.default)   # a list given read (--shots): as typed
            assert shown in t, f"{cmd} {a.option_strings[0]}: default {shown!r} not in {t!r}"


@pytest.mark.parametrize("cmd", ["demo", "train", "embed", "evaluate", "classify", "similarity", "change"])
def test_each_command_help_says_what_the_command_does(cmd, capsys):
    # `aef demo --help` was usage and options only: what demo does was in `aef --help`'s list alone
    from alphaearth_nb.cli_args import parser
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    listed = next(a.help for a in sub._choices_actions if a.dest == cmd)      # its line in `aef --help`
    assert main([cmd, "--help"]) == 0
    head = " ".join(capsys.readouterr().out.split("options:")[0].split())
    assert len(listed.split()) >= 4 and listed in head, (listed, head)


def test_evaluate_help_says_its_folds_are_not_the_papers_and_how_to_get_them(capsys, tmp_path, monkeypatch):
    t = _help(capsys, "evaluate")["--folds"]
    for says in ("50", "1000", "500", "2507.22291", "--folds paper"):
        assert says in t, (says, t)
    seen = []   # what `aef evaluate` hands the protocol: 50 by default, the paper's (None) with --folds paper
    monkeypatch.setattr(evaluate, "evaluate_embeddings",
                        lambda x, y, folds, **k: seen.append(folds) or pd.DataFrame(   # a table as the protocol's
                            {"shots": [1], "method": ["knn1"], "folds": [folds], "train_per_class": [1],
                             "balanced_accuracy": [0.5], "std": [0.0]}))
    df = pd.DataFrame(np.eye(64, dtype=np.float32)[:4], columns=band_names()).assign(label=[0, 1, 0, 1])
    df.to_csv(tmp_path / "e.csv", index=False)
    for extra in ([], ["--folds", "paper"], ["--folds", "7"]):
        assert main(["evaluate", "--embeddings", str(tmp_path / "e.csv")] + extra) == 0
    assert seen == [50, None, 7]
    assert main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--folds", "papers"]) == 2
    assert "paper" in capsys.readouterr().err


def test_missing_label_column_names_the_other_columns_first(tmp_path, capsys):
    # the official samples' CSV: system:index, A00..A63, dw_label, .geo (N19-9: the list stopped at A04)
    df = pd.DataFrame(np.eye(64, dtype=np.float32)[:4], columns=band_names())
    df.insert(0, "system:index", ["a", "b", "c", "d"]); df["dw_label"] = [0, 1, 0, 1]; df[".geo"] = "{}"
    df.to_csv(tmp_path / "o.csv", index=False)
    assert main(["evaluate", "--embeddings", str(tmp_path / "o.csv"), "--label-column", "label"]) == 2  # as typed
    err = capsys.readouterr().err
    assert "no column 'label'" in err and "dw_label" in err and "system:index" in err and ".geo" in err, err
    assert "64 band columns" in err and "A05" not in err and "--label-column" in err, err


def test_evaluate_shows_progress_on_stderr(tmp_path, capsys):
    rng = np.random.default_rng(0)
    x = np.eye(64, dtype=np.float32)[np.repeat([0, 1], 12)] + 0.05 * rng.normal(size=(24, 64)).astype(np.float32)
    df = pd.DataFrame(x, columns=band_names()).assign(label=np.repeat([0, 1], 12))
    df.to_csv(tmp_path / "e.csv", index=False)
    assert main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "1,3", "--folds", "4"]) == 0
    out, err = capsys.readouterr()
    assert "knn1" in out and "knn1" not in err   # the table on stdout, progress on stderr
    assert "1-shot" in err and "3-shot" in err and "4/4" in err, err
