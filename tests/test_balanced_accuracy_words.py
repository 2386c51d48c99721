"""README and the official-embeddings tutorial say balanced accuracy in the words of a remote-sensing user of Earth
Engine: the mean over the classes of each class's recall, which Earth Engine's ConfusionMatrix calls producer's
accuracy (`producersAccuracy()`), not its `accuracy()`. Was: README 'the mean of the per-class recalls', and
tutorial 02 'scored by balanced accuracy on the rest' with no definition at all (a reader of the table took 0.52
for plain accuracy)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_names_producers_accuracy():
    text = (ROOT / "README.md").read_text()
    table = text.split("`balanced_accuracy` is the mean", 1)[1][:400]
    assert "producersAccuracy()" in table, table


def test_tutorial_02_defines_balanced_accuracy():
    cells = json.loads((ROOT / "nbs/tutorials/02_official_embeddings.ipynb").read_text())["cells"]
    protocol = next("".join(c["source"]) for c in cells if "## The transfer protocol" in "".join(c["source"]))
    assert "producersAccuracy()" in protocol and "recall" in protocol, protocol
