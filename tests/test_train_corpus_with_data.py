"""`aef train --corpus C --data samples` trained on the corpus without a word about --data (its help says the corpus
is read "instead of --data"), and `--corpus C --texts notes.csv` trained on the corpus's own texts, the CSV read and
unused. Each pair is now a `ConfigError` before any work (no plan, no fit), naming the option to drop."""
import pytest

from alphaearth_nb import train_cmd
from alphaearth_nb.cli import main


@pytest.mark.parametrize("opt,value", [("--data", "samples"), ("--data", "stack.nc"), ("--texts", "notes.csv")])
def test_corpus_with_another_source_is_refused_first(tmp_path, capsys, monkeypatch, opt, value):
    corpus, did = tmp_path / "corpus", []
    corpus.mkdir()
    (tmp_path / "stack.nc").write_bytes(b"CDF")   # --data wants a file there (never read)
    monkeypatch.setattr(train_cmd.train, "fit", lambda *a, **k: did.append("fit"))
    code = main(["train", "--corpus", str(corpus), opt, str(tmp_path / value) if value != "samples" else value,
                 "--out", str(tmp_path / "run")])
    err = capsys.readouterr().err
    assert code == 2 and did == [], (code, err)
    assert "aef train:" not in err, err                        # refused before the plan
    assert f"drop {opt} to train on the corpus" in err and f"--corpus {corpus}" in err, err
    assert not (tmp_path / "run").exists()                      # nothing made


def test_corpus_alone_still_reaches_its_reader(tmp_path, capsys):
    "The corpus without --data or --texts passes this check: a folder that is no corpus is refused by its reader."
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    code = main(["train", "--corpus", str(corpus), "--out", str(tmp_path / "run"), "--steps", "1"])
    err = capsys.readouterr().err
    assert code == 2 and "given together" not in err, err
