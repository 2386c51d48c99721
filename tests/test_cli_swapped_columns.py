"""aef evaluate --labels of a CSV whose lon and lat columns are swapped says to swap the two names in the file's header
line (was: `df.rename(columns=...)`, Python a shell user has no `df` for; the message is check_degrees', read by
cli_args.shell_words under the command)."""
import pandas as pd
from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_swapped_csv_columns_named_in_the_header(tmp_path, evaluate_cli):
    store = str(to_zarr(embedding_from_array(random_unit((12, 10), seed=1)), tmp_path / "e.zarr"))
    # a place at lon 120.5, lat 30.1 written with the two swapped: 'lat' 120.5 is beyond +-90
    pd.DataFrame({"lon": [30.1, 30.2], "lat": [120.5, 120.6], "label": [1, 2]}).to_csv(tmp_path / "sw.csv", index=False)
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "sw.csv"))
    assert rc == 2 and "look swapped" in err, err
    assert "swap the names 'lon' and 'lat' in the file's header line" in err and "df.rename" not in err, err


def test_shell_words_reads_a_swap_as_a_swap():
    text = "(`(lon, lat)`, or swap the columns: `df.rename(columns={'lat': 'lon', 'lon': 'lat'})`)"
    assert shell_words(text, "evaluate") == "(`(lon, lat)`, or swap the names 'lon' and 'lat' in the file's header line (its first line))"
    other = "`df.rename(columns={'X': 'x'})`"   # another rename: the header line's too (session 37; was left as it was)
    assert shell_words(other, "evaluate") == "rename 'X' to 'x' in the file's header line (its first line)"
