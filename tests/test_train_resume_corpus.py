"""`aef train --corpus C --out r` then `aef train --out r --resume` (no --corpus) resumed on the sample scene: a
corpus run recorded no data, and fit's note of unread sources read the record's 'sources', which a corpus' record
(`{'from': ...}`: where it was read, no stack) lacks, a KeyError. The run records its corpus and the resume streams it
again, said in one line."""
import json

import pytest

from alphaearth_nb import export, train
from alphaearth_nb.cli import main


def test_a_corpus_record_has_no_stack_to_warn_of():
    model = type("M", (), {"cfg": train.aef_model.preset("tiny")})()
    train._warn_unread({"from": {"kind": "corpus", "path": "/c"}}, model, "tiny")   # was: KeyError 'sources'


@pytest.mark.slow
def test_a_corpus_run_resumes_on_its_corpus(tmp_path, capsys):
    corpus, out = tmp_path / "c", tmp_path / "r"
    export.fake_corpus(corpus, n_sites=2, size=32, sources=("sentinel2", "dem"))
    assert main(["train", "--preset", "tiny", "--corpus", str(corpus), "--steps", "1", "--batch-size", "2",
                 "--out", str(out)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["train", "--out", str(out), "--resume", "--steps", "2"]) == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert f"on --corpus {corpus.resolve()}, the data it was trained on" in err and "sample scene" not in err, err
    header = json.loads((out / "checkpoints" / "ckpt_00000002.json").read_text())
    assert header["data"] == {"from": {"kind": "corpus", "path": str(corpus.resolve())}}
