"A bare table word (`aef embed e.parquet`) is guessed as no --checkpoint nor --out, and the error says it looks like a table."
import argparse, pytest
from alphaearth_nb.cli_args import parser, _bare_words

def _sub(name): return [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)][0].choices[name]

@pytest.mark.parametrize("word,suffix", [("e.parquet", ".parquet"), ("e.geoparquet", ".geoparquet"), ("e.tsv", ".tsv"),
                                         ("e.txt", ".txt"), ("e.csv", ".csv"), ("e.csv.gz", ".csv")])
def test_table_word_is_no_checkpoint(word, suffix):
    err = _bare_words(_sub("embed"), "embed", [word])
    assert "did you mean" not in err, err
    assert f"{word} looks like a table ({suffix}): aef embed takes none" in err, err
    assert "still needed: --checkpoint, --period, --out" in err, err

def test_other_words_still_guessed():
    err = _bare_words(_sub("embed"), "embed", ["out/train", "stack.zarr", "e.parquet"])
    assert "did you mean --checkpoint out/train --data stack.zarr?" in err and "e.parquet looks like a table" in err, err
    assert "did you mean --embeddings e.parquet --labels l.csv?" in _bare_words(_sub("evaluate"), "evaluate", ["e.parquet", "l.csv"])
