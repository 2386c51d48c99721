"The `aef` command says what it does before a long wait, and names words that are not flags (newcomer pass, s27)."

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import cli, embed_cmd, evaluate, train
from alphaearth_nb.cli import main
from alphaearth_nb.core import AEFError, band_names


def _said_before(capsys, seen):
    "A stand-in for a long step that records what stderr held when it began."
    def record(*a, **k):
        seen.append(capsys.readouterr().err)
        raise KeyboardInterrupt   # stop there: the command's own end is not what is tested
    return record


def test_train_says_what_it_trains_before_the_bar(tmp_path, capsys, monkeypatch):
    # `aef train` printed nothing before its bar, which waits at 0 for the 20+ s the first step compiles
    seen = []
    monkeypatch.setattr(train, "fit", _said_before(capsys, seen))
    out = tmp_path / "run"
    assert main(["train", "--preset", "tiny", "--steps", "3", "--out", str(out)]) == 130
    said = seen[0]
    assert said.startswith("aef train: training `tiny` on the sample scene to step 3 (batch 4)"), said
    assert str(out) in said and "first step compiles" in said, said


def test_embed_says_what_it_embeds_before_the_bar(tmp_path, capsys, monkeypatch):
    seen = []
    run = tmp_path / "run"; run.mkdir()
    model = SimpleNamespace(cfg=SimpleNamespace(inputs=("sentinel2",), targets=()))
    monkeypatch.setattr(train, "load_model", lambda p: model)
    monkeypatch.setattr(embed_cmd, "embed_to_zarr", _said_before(capsys, seen))
    out = tmp_path / "e.zarr"
    assert main(["embed", "--checkpoint", str(run), "--period", "2024", "--out", str(out)]) == 130
    said = seen[0]
    assert (f"aef embed: embedding the sample scene with the model of {run} over 2024-01-01 .. 2025-01-01 (end "
            "excluded)") in said, said
    assert str(out) in said and "compiles" in said, said


def test_evaluate_says_what_it_scores_before_the_bars(tmp_path, capsys, monkeypatch):
    seen = []
    df = pd.DataFrame(np.eye(64, dtype=np.float32)[:6], columns=band_names()).assign(label=[0, 1, 2, 0, 1, 2])
    df.to_csv(tmp_path / "e.csv", index=False)
    monkeypatch.setattr(evaluate, "evaluate_embeddings", _said_before(capsys, seen))
    assert main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "1,max", "--folds", "7"]) == 130
    assert seen[0].startswith("aef evaluate: 6 labelled rows of 3 classes (labels: column 'label'); 1, max "
                              "shots a class, 7 folds a level"), seen


@pytest.mark.parametrize("argv, said", [
    (["embed", "--model", "x", "stack.zarr", "out"],
     "these words are not flags: stack.zarr, out (aef embed takes each value after its flag, --flag VALUE): did you "
     "mean --data stack.zarr --out out?; --model is not a flag of aef embed: did you mean --checkpoint x?; still "
     "needed: --period"),
    (["embed", "run", "stack.nc", "2024", "out.zarr"], "did you mean --checkpoint run --data stack.nc --period 2024 "
     "--out out.zarr?"),
    (["train", "samples", "runs/a"], "these words are not flags: samples, runs/a (aef train takes each value after "
     "its flag, --flag VALUE): did you mean --data samples --out runs/a?"),
    (["--no-compile-cache", "train", "--steps", "3", "samples"], "did you mean --data samples?"),
    (["evaluate", "e.zarr", "samples"], "did you mean --embeddings e.zarr --labels samples?"),
    (["demo", "out/x"], "these words are not flags: out/x (aef demo takes each value after its flag, --flag VALUE): "
     "did you mean --out out/x?"),
    (["embed", "--checkpoint", ".", "--perod", "2024", "--out", "o.zarr"],
     "--perod is not a flag of aef embed: did you mean --period 2024?"),
])
def test_words_that_are_not_flags_are_named_with_the_flag_meant(argv, said, capsys):
    # was: 'the following arguments are required: --checkpoint, --period, --out' or 'unrecognized arguments:
    # stack.zarr out', without a word on which words were not flags
    assert main(argv) == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.startswith("aef: error: ") and said in err, err


def test_a_bad_value_beside_a_bare_word_names_both(tmp_path, capsys):
    assert main(["embed", "--checkpoint", str(tmp_path / "x"), "--period", "2024", "--out", "o.zarr", "s.zarr"]) == 2
    err = capsys.readouterr().err
    assert "x does not exist" in err and "also, these words are not flags: s.zarr" in err, err


def test_demo_says_when_it_replaces_its_earlier_demo(tmp_path, capsys, monkeypatch):
    # `aef demo` replaced its own earlier folder without a word; it still does (it is made to be run again), and says so
    seen = []
    def fit(preset, *a, out=None, **k):
        seen.append(capsys.readouterr().err)
        return SimpleNamespace(model=None), [{"loss": 1.0}]
    from alphaearth_nb import demo
    monkeypatch.setattr(train, "fit", fit)
    monkeypatch.setattr(demo, "embed", lambda *a, **k: None)
    monkeypatch.setattr(demo, "_pictures", lambda *a, **k: None)
    monkeypatch.setattr(demo, "_report", lambda tmp, *a, **k: (tmp / "report.md").write_text("r\n") and {})
    out = tmp_path / "demo"
    cli.demo(str(out), steps=3, progress=False)
    cli.demo(str(out), steps=3, progress=False)
    assert "replacing" not in seen[0], seen
    assert "(replacing the demo written there before; a folder the demo did not write is never replaced)" in seen[1]
    mine = tmp_path / "mine"; mine.mkdir(); (mine / "notes.txt").write_text("x")
    with pytest.raises(AEFError, match="did not write"): cli.demo(str(mine), steps=3, progress=False)
    assert len(seen) == 2 and (mine / "notes.txt").exists()
