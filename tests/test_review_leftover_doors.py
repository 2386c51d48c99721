"""Public helpers of session 51 raised pandas' or Python's errors on bad input (review_a s52, finding 11):
`year_columns.table_years` and `labels.nameless_ids` (`evaluate_points` re-exports it) of a missing column a
KeyError, `samples.sampler_changes` of a dict a TypeError from dataclasses.replace, `draws.max_trial_sets` of a 2-D
list a TypeError and of 3.7 a count cut to 3 without a word. Each is an AEFError naming the input and the way out.
And `aef evaluate --year Y` of a map that records no year, with a table of points of no year column, ignored --year
without a word (finding 7): refused, as a table of embeddings without the column is."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import AEFError, ConfigError, DimensionError, LabelError
from alphaearth_nb.draws import max_trial_sets
from alphaearth_nb.evaluate_points import nameless_ids
from alphaearth_nb.model import preset
from alphaearth_nb.samples import model_sampler, sampler_changes
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.year_columns import table_years

T = pd.DataFrame({"year": [2023, 2024], "LULC_ID": [1, 2], "x": [0.0, 1.0]})


def test_a_missing_column_is_named_with_the_near_one():
    with pytest.raises(LabelError, match=r"no column 'Yaer' \(did you mean 'year'\?\)"):
        table_years(T, "Yaer")
    with pytest.raises(LabelError, match="a list has none"):
        table_years([2023, 2024], "year")
    with pytest.raises(LabelError, match=r"no column 'lulc_id' \(did you mean 'LULC_ID'\?\)"):
        nameless_ids(T, "lulc_id")
    np.testing.assert_array_equal(table_years(T, "year"), [2023, 2024])   # as before
    assert nameless_ids(T, "LULC_ID") is None


def test_a_column_labelled_by_a_number_is_read():
    "s54: `col not in [str(c) ...]` refused a table's column 0 (`header=None`), which `a[0]` reads."
    t = T.set_axis([0, 1, 2], axis=1)
    np.testing.assert_array_equal(table_years(t, 0), [2023, 2024])
    with pytest.raises(LabelError, match=r"no column 3 \(columns: 0, 1, 2\)"):
        table_years(t, 3)


def test_sampler_changes_takes_a_sampler_config_only():
    with pytest.raises(ConfigError, match="cfg is a dict: pass the SamplerConfig"):
        sampler_changes({"frames": 3}, {})
    cfg = model_sampler(preset("tiny"))
    assert sampler_changes(cfg, {}) == []


@pytest.mark.parametrize("counts, kind, words", [
    ([[3, 4]], ConfigError, "counts[0]=[3, 4] is not a whole number"),
    (np.array([[3, 4]]), DimensionError, "one number a class (C,)"),
    ([3.7, 4], ConfigError, "counts[0]=3.7 is not a whole number"),
    (3, DimensionError, "one number a class (C,)"),
    ([True, 4], ConfigError, "counts[0]=True"),
])
def test_max_trial_sets_reads_whole_counts(counts, kind, words):
    with pytest.raises(kind) as e:
        max_trial_sets(counts)
    assert words in str(e.value), str(e.value)
    assert isinstance(e.value, AEFError)


def test_max_trial_sets_as_before():
    assert max_trial_sets([6, 8]) == max_trial_sets(np.array([6.0, 8.0])) == max_trial_sets(pd.Series([6, 8]))
    assert max_trial_sets([3, 4]) == 6   # max shares of 1 and 2: blocks of 3 and 2, their lcm


QUICK = ["--shots", "3", "--folds", "2", "--spacing", "0"]


def test_evaluate_year_beside_a_map_and_points_of_no_year_is_refused(tmp_path, capsys):
    e = embedding_from_array(random_unit((12, 10), seed=1))
    e.to_dataset(name="embedding").to_zarr(tmp_path / "m.zarr", consolidated=False)
    rng = np.random.default_rng(0)
    r, c = rng.integers(0, 12, 60), rng.integers(0, 10, 60)
    pd.DataFrame({"x": e.x.values[c], "y": e.y.values[r], "label": np.where(c < 5, 11, 22)}).to_csv(
        tmp_path / "l.csv", index=False)
    run = ["evaluate", "--embeddings", str(tmp_path / "m.zarr"), "--labels", str(tmp_path / "l.csv"), *QUICK]
    assert main([*run, "--year", "2024"]) == 2   # was 0: --year read by nothing
    err = capsys.readouterr().err
    assert "--year 2024 given with --labels" in err and "no year column" in err and "leave --year out" in err, err
    assert main(run) == 0   # without it: scored as before
