"""The training docs name the paper's terms where the user sets them (s57 newcomer #9): `aef train --help` and
tutorial 03 say valid period, support period and timecode, cite arXiv 2507.22291, and set the command's defaults
beside the paper's run."""
import json
from pathlib import Path

from alphaearth_nb.cli_args import parser
from alphaearth_nb.model import preset
from alphaearth_nb.samples import sampler_config


def test_train_help_names_the_papers_terms_and_run():
    sub = next(a for a in parser()._actions if getattr(a, "choices", None) and "train" in a.choices).choices["train"]
    text = " ".join(sub.format_help().split())
    for words in ("valid period", "support period", "timecode", "arXiv 2507.22291", "100,000 steps of batch 256",
                  "1,000 steps of batch 4, are 1% of its steps and 1/64 of its batch"):
        assert words in text, (words, text)
    s = sampler_config(preset("tiny"), "tiny")   # what the words say the sampler draws
    assert (s.period_days, s.periods_per_site, s.min_period_days, s.patch) == (365.25, 2, 4.0, 32)


def test_tutorial_03_explains_one_training_example():
    nb = json.loads((Path(__file__).parents[1] / "nbs/tutorials/03_training.ipynb").read_text())
    md = " ".join(" ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown").split())
    for words in ("**valid period**", "**support period**", "**timecode**", "arXiv 2507.22291, S2.1"):
        assert words in md, words
    out = "".join(o.get("text", "") if isinstance(o.get("text"), str) else "".join(o.get("text", []))
                  for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []))
    assert "valid period 365.25 days, 2 a site" in out   # the new cell's stored output, refreshed
