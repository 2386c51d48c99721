"""Each subcommand's --help read as a newcomer (session 36): an option whose value is a path, a list or a name shows it
in use (`e.g. --sources sentinel2,sentinel1`), and --int8 says what is stored without it. Was: `aef embed --help`
gave --sources, --checkpoint and --out no example and --int8 no default; train's --texts and --corpus and evaluate's
--embeddings, --labels and the -var options none either. Defaults of the value options: tests/test_cli_help."""
import argparse
import re

import pytest

from alphaearth_nb.cli import main

# the options whose value is not a number or a choice: a path, a list of names, a period, a variable or column name
SHOWN = {"train": ["--data", "--corpus", "--texts", "--inputs", "--targets"],
         "embed": ["--data", "--checkpoint", "--period", "--out", "--sources"],
         "evaluate": ["--embeddings", "--embeddings-var", "--labels", "--crs", "--labels-layer", "--labels-var",
                      "--label-column"],
         "classify": ["--embeddings", "--embeddings-var", "--labels", "--label-column", "--labels-var", "--labels-layer",
                      "--crs", "--out"],
         "similarity": ["--embeddings", "--embeddings-var", "--points", "--point", "--crs", "--out"],
         "change": ["--embeddings", "--embeddings-var", "--out"]}


def _help(capsys, cmd) -> dict:
    "option -> its help text (whitespace collapsed, argparse's hyphen breaks joined), from `aef CMD --help` itself."
    assert main([cmd, "--help"]) == 0
    body = capsys.readouterr().out.split("options:")[1]
    parts = re.split(r"(?m)^  (?=-)", body)[1:]   # one part per option line, `  --x X   text`
    return {p.split()[0].rstrip(","): re.sub(r"(\w-) (\w)", r"\1\2", " ".join(p.split())) for p in parts}


def test_the_list_names_every_value_option_that_is_no_number_or_choice():
    "The options of SHOWN are those whose type reads no number, with no choices and no default path to show the " \
    "form (--out's out/train does; --data's 'samples' is no path): a new one is listed."
    from alphaearth_nb.cli_args import parser
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    numbers = {"_positive", "_pairs", "_seed", "_rate", "_natural", "_folds", "_shots", "_nodata", "_spacing", "_k", "_year", "_train_year"}
    found = {cmd: [a.option_strings[0] for a in sub[cmd]._actions if a.option_strings and a.nargs != 0
                   and a.dest != "help" and not a.choices and getattr(a.type, "__name__", "") not in numbers
                   and a.default in (None, "samples")]
             for cmd in SHOWN}
    assert found == SHOWN


@pytest.mark.parametrize("cmd", sorted(SHOWN))
def test_each_option_of_a_path_list_or_name_shows_it_in_use(cmd, capsys):
    texts = _help(capsys, cmd)
    for flag in SHOWN[cmd]:
        assert re.search(r"e\.g\. (--[\w-]+ \S+ )*" + re.escape(flag) + r" [\w.'/:]", texts[flag]), (flag, texts[flag])


def test_embed_help_shows_sources_in_use_and_says_what_int8_replaces(capsys):
    texts = _help(capsys, "embed")
    assert "e.g. --sources sentinel2,sentinel1" in texts["--sources"], texts["--sources"]
    assert "(default: off: float32, 256 bytes a pixel, 4 times the disk)" in texts["--int8"], texts["--int8"]
    assert "e.g. --checkpoint out/train" in texts["--checkpoint"] and "e.g. --out emb.zarr" in texts["--out"]
