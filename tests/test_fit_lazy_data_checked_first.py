"""fit's checks of data that brings its own examples (texts= beside a corpus, a corpus or Batches cut at another
patch than the model's) ran where the batches are first drawn: for a `stream.CorpusStream` or a function of
batches (called only once the run has begun) that was after the run folder was made (a refused new run left
`.aef-run` and `metrics.jsonl` behind) and, on a resume, after the checkpoint was loaded. They now run before the
run folder is touched. And `aef train --resume --texts notes.csv` of a run trained on a corpus (the corpus read
from the run's record) was refused by fit in Python's words (texts=) after the plan: now before it, naming --texts."""
import jax.numpy as jnp
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb import samples
from alphaearth_nb.checkpoint import save_checkpoint
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError

pytest.importorskip("geopandas")
from alphaearth_nb import export, stream

TEXTS = pd.DataFrame({"y": [0.0], "x": [0.0], "time": ["2021-06-01"], "text": ["a field"]})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("lazy") / "c"
    export.fake_corpus(path, n_sites=2, size=32, sources=("sentinel2",), fake=export.FakeEE())
    return path


def test_a_corpus_with_texts_is_refused_before_the_run_folder(corpus, tmp_path):
    cut = samples.sampler_config(aef.preset("tiny"), "tiny")
    with pytest.raises(ConfigError, match="texts= goes with a stack, but fit's data is a CorpusStream"):
        aef.fit("tiny", stream.CorpusStream(corpus, cut, 2), texts=TEXTS, steps=1, batch_size=2,
                out=tmp_path / "run", progress=False)
    assert not (tmp_path / "run").exists()


def test_a_corpus_of_another_patch_is_refused_before_the_run_folder(corpus, tmp_path):
    cut = samples.SamplerConfig(patch=16, inputs=("sentinel2",), targets=("sentinel2",), frames=4, n_texts=2)
    with pytest.raises(ConfigError, match="the CorpusStream's sampler has patch=16 but the model's is 32"):
        aef.fit("tiny", stream.CorpusStream(corpus, cut, 2), steps=1, batch_size=2, out=tmp_path / "run",
                progress=False)
    assert not (tmp_path / "run").exists()


def test_a_function_of_batches_with_texts_is_refused_before_it_is_called(tmp_path):
    called = []
    with pytest.raises(ConfigError, match="texts= goes with a stack, but fit's data is a function"):
        aef.fit("tiny", lambda position: called.append(position) or iter([]), texts=TEXTS, steps=1, batch_size=2,
                out=tmp_path / "run", progress=False)
    assert called == [] and not (tmp_path / "run").exists()


def test_aef_train_resume_of_a_corpus_run_with_texts(corpus, tmp_path, capsys):
    run = tmp_path / "run"
    save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=1,
                    meta={"preset": "tiny", "train": {"steps": 3, "batch_size": 2}, "data_position": 1,
                          "data": {"from": {"kind": "corpus", "path": str(corpus.resolve())}}})
    notes = tmp_path / "notes.csv"
    notes.write_text("y,x,time,text\n0,0,2021-06-01,a field\n")
    assert main(["train", "--out", str(run), "--resume", "--texts", str(notes), "--steps", "3"]) == 2
    err = capsys.readouterr().err
    assert f"--texts {notes}" in err and "drop --texts" in err and "corpus" in err, err
    assert "texts=" not in err and "resuming at step" not in err, err   # the command's words, before the plan
