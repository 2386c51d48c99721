"""`aef evaluate WORD`: a bare word is guessed --embeddings by every form `aef evaluate --embeddings` reads (the .zarr/.nc
stores, text tables .csv/.tsv/.txt, Parquet tables .parquet/.geoparquet: `cli_args.EMBEDDING_FILES`, the list the
command itself reads tables by). Was: .zarr/.csv/.nc only, so `aef evaluate e.parquet` was 'did you mean --labels
e.parquet?; still needed: --embeddings' and `aef evaluate e.tsv` no guess at all."""
import pytest

from alphaearth_nb.evaluate_cmd import _NOT_STORES, _PARQUET, _TEXT_TABLES


@pytest.mark.parametrize("word", ["e.zarr", "e.nc", "e.csv", "e.tsv", "e.txt", "e.parquet", "e.geoparquet",
                                  "E.PARQUET"])
def test_a_bare_table_is_guessed_embeddings(word, bare_guess):
    bare_guess(word)


def test_a_second_bare_word_is_the_labels(bare_guess):
    bare_guess("e.zarr", "labels.parquet")


def test_the_guess_follows_what_the_command_reads():
    from alphaearth_nb.cli_args import EMBEDDING_FILES
    assert set(_TEXT_TABLES + _PARQUET) | {".zarr", ".nc"} == set(EMBEDDING_FILES)
    assert not set(_NOT_STORES) & set(EMBEDDING_FILES)   # a form refused as --embeddings is never guessed so
