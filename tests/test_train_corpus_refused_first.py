"""`aef train --corpus X` refuses an unusable corpus before its plan: a folder that is no corpus, a corpus without
the sources the model reads. Was: the plan ('aef train: training `tiny` on the corpus X to step 1 ...; the bar waits
at 0 while the first step compiles ...') printed first, then 'aef: error: X is not a corpus ...'."""
import pytest

from alphaearth_nb import export, stream, train
from alphaearth_nb.cli import main

PLAN = "aef train: training"


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    "A corpus of 2 sites holding sentinel2 and dem only (`export.fake_corpus`)."
    path = tmp_path_factory.mktemp("corpus") / "c"
    export.fake_corpus(path, n_sites=2, size=32, sources=("sentinel2", "dem"))
    return path


def _train(capsys, corpus, out, *more):
    code = main(["train", "--preset", "tiny", "--corpus", str(corpus), "--steps", "1", "--batch-size", "2",
                 "--out", str(out), *more])
    return code, capsys.readouterr().err


def test_a_folder_that_is_no_corpus_is_refused_before_the_plan(tmp_path, capsys):
    (tmp_path / "run" / "checkpoints").mkdir(parents=True)   # a run folder given as --corpus
    code, err = _train(capsys, tmp_path / "run", tmp_path / "new")
    assert code == 2 and "is not a corpus" in err and PLAN not in err and "compiles" not in err, err
    assert not (tmp_path / "new").exists()


def test_a_corpus_without_the_models_sources_is_refused_before_the_plan(two_sites, tmp_path, capsys):
    code, err = _train(capsys, two_sites, tmp_path / "new", "--targets", "sentinel2,sentinel1")
    assert code == 2 and "'sentinel1'" in err and "holds only sentinel2, dem" in err and PLAN not in err, err
    assert not (tmp_path / "new").exists()


def test_a_usable_corpus_is_planned_then_streamed(two_sites, tmp_path, capsys, monkeypatch):
    got = {}
    def fake_fit(model, data, **kw):
        got.update(model=model, data=data, **kw)
        raise KeyboardInterrupt   # stop before any training
    monkeypatch.setattr(train, "fit", fake_fit)
    code, err = _train(capsys, two_sites, tmp_path / "new", "--inputs", "sentinel2", "--targets", "sentinel2,dem")
    assert code == 130 and PLAN in err, err
    assert isinstance(got["data"], stream.CorpusStream) and got["sampler"] is None
    assert got["data"].cfg.inputs == ("sentinel2",) and set(got["data"].cfg.targets) == {"sentinel2", "dem"}
