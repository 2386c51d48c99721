"""`aef evaluate WORD`: a bare table compressed by its name (e.csv.gz, as `aef evaluate --embeddings` reads it since
b0808f44) or a Parquet file under another name (e.pq, by its first bytes) is guessed by the rule the command reads it
by, `paths.table_suffix`; and `cli_args.TEXT_TABLES` is that rule's list, not a second copy. Was: the last suffix,
so `aef evaluate e.csv.gz` was 'these words are not flags: e.csv.gz ...; still needed: --embeddings' (no guess) and
`aef evaluate e.zarr pts.csv.gz` guessed --embeddings alone."""
import pandas as pd
import pytest


@pytest.mark.parametrize("word", ["e.csv.gz", "e.tsv.bz2", "E.CSV.XZ", "e.txt.zip"])
def test_a_bare_compressed_table_is_guessed_embeddings(word, bare_guess):
    bare_guess(word)


def test_a_bare_parquet_file_of_another_name_is_guessed_embeddings(tmp_path, bare_guess):
    p = tmp_path / "e.pq"
    pd.DataFrame({"A00": [0.5], "label": [1]}).to_parquet(p)
    bare_guess(str(p))


def test_a_second_bare_compressed_table_is_the_labels(bare_guess):
    bare_guess("e.zarr", "pts.csv.gz")


def test_one_list_of_text_tables():
    from alphaearth_nb import cli_args, paths
    assert cli_args.TEXT_TABLES is paths.TEXT_TABLES
