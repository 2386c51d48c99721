"""`aef <cmd> --help` speaks to a command-line user: no Python names (runtime.FAST_COMPILE, ModelConfig.inputs,
save_labels, evaluate_embeddings) where a flag, a file or a plain word says it; the two corpus writers, which have
no command, are named as Python's `aef.` calls."""
import re

from alphaearth_nb.cli_args import parser

FILES = {"md", "zarr", "csv", "nc", "tsv", "txt", "parquet", "geojson", "gpkg", "shp", "kml", "json", "eqx", "tif", "xml"}
COLUMNS = {"dw_label"}        # a column of the official samples, as a CSV holds it


def _helps():
    p = parser()
    subs = next(a for a in p._actions if a.dest == "cmd").choices
    for name, s in [("aef", p), *subs.items()]:
        for a in s._actions:
            if a.help: yield name, a.option_strings, " ".join(a.help.split())


def _python_words(h):
    h = re.sub(r"\baef\.[\w.]+", "", h)      # `aef.corpus.write_corpus`: a Python call named as one
    dotted = [t.rstrip(".") for t in re.findall(r"\b[A-Za-z_]\w*\.[A-Za-z_][\w.]*", h)
              if t.rstrip(".") != "e.g" and t.rstrip(".").rsplit(".", 1)[-1] not in FILES]
    snake = [t for t in re.findall(r"\b[a-z]+_[a-z_]+\b", h) if t not in COLUMNS]
    return dotted + snake


def test_no_python_names_in_help():
    found = [(c, o, w) for c, o, h in _helps() for w in _python_words(h) if w != "alphaearth_nb"]   # a folder's name
    assert found == [], found


def test_the_old_python_words_are_gone():
    text = " ".join(h for _, _, h in _helps())
    for w in ("runtime.FAST_COMPILE", "ModelConfig", "save_labels", "evaluate_embeddings"):
        assert w not in text, w
    assert "(with --resume: the run's, as --preset is)" in text and "--folds paper" in text
