"""`aef evaluate` and years. `--embeddings e23.tif --year 2024` scored a GeoTIFF tagged AEF_TIME 2023 without a word
(the year check read the file's raw tags, before they became the map's `time`), where `aef classify` refuses it. A
label table's year column was ignored: `--year 2023` scored the official samples CSV's 2024 rows, and a CSV of
2023 and 2024 rows was pooled (one place in both training and test). Now a table's rows are those of `--year`, a
year it lacks and several years without `--year` are refused naming its years, and a map of another year is
refused in the map commands' words. A similarity COG given as --embeddings is named as such (not Python's
'64-long band' words)."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.testing import embedding_from_array, random_unit

SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "aef_samples" / \
    "alphaearth_s1_dw_samples_amazon_forest_2024.csv"
E = embedding_from_array(random_unit((12, 10), seed=1))
QUICK = ["--shots", "3", "--folds", "2"]


def _points(tmp_path, **extra):
    rng = np.random.default_rng(0)
    r, c = rng.integers(0, 12, 60), rng.integers(0, 10, 60)
    t = pd.DataFrame({"x": E.x.values[c], "y": E.y.values[r], "label": np.where(c < 5, 11, 22), **extra})
    t.to_csv(tmp_path / "p.csv", index=False)
    return str(tmp_path / "p.csv")


def test_a_geotiff_of_another_year_is_refused_as_the_map_commands_refuse_it(tmp_path, capsys):
    from alphaearth_nb.exports import to_cog
    tif = to_cog(E.assign_attrs(time="2023-01-01"), tmp_path / "e23.tif")
    rest = ["--labels", _points(tmp_path), "--spacing", "0", *QUICK]
    assert main(["evaluate", "--embeddings", str(tif), "--year", "2024", *rest]) == 2
    err = capsys.readouterr().err
    assert "e23.tif is a map of 2023, not of --year 2024" in err, err
    assert main(["classify", "--embeddings", str(tif), "--year", "2024", "--labels", rest[1], "--out",
                 str(tmp_path / "c.tif")]) == 2
    assert capsys.readouterr().err.split("aef: error: ")[1] == err.split("aef: error: ")[1]   # one rule, one wording
    assert main(["evaluate", "--embeddings", str(tif), "--year", "2023", *rest]) == 0
    assert "balanced_accuracy" in capsys.readouterr().out


def test_a_similarity_cog_is_named_not_python_words(tmp_path, capsys):
    from alphaearth_nb.analysis import similarity
    from alphaearth_nb.exports import map_to_cog
    cog = map_to_cog(similarity(E.assign_attrs(time="2023-01-01"), E.isel(y=2, x=3)), tmp_path / "sim.tif")
    assert main(["evaluate", "--embeddings", str(cog), "--labels", _points(tmp_path), "--spacing", "0"]) == 2
    err = capsys.readouterr().err
    assert "sim.tif is a similarity map of 2023, not embeddings" in err and "aef evaluate scores embeddings" in err, err
    assert "64-long" not in err and "aef.embed(" not in err


def _two_years(tmp_path):
    t = pd.read_csv(SAMPLES)
    pd.concat([t.assign(year=2023), t]).to_csv(tmp_path / "two.csv", index=False)
    return str(tmp_path / "two.csv"), len(t)


@pytest.mark.skipif(not SAMPLES.exists(), reason="needs ../shared/data/aef_samples (the official samples CSV)")
def test_the_samples_csv_is_scored_for_its_own_year_only(tmp_path, capsys):
    assert main(["evaluate", "--embeddings", str(SAMPLES), "--year", "2023", *QUICK]) == 2
    err = capsys.readouterr().err
    assert "has no row of --year 2023 in its 'year' column (it holds the year 2024): pass --year 2024" in err, err
    assert main(["evaluate", "--embeddings", str(SAMPLES), "--year", "2024", *QUICK]) == 0
    assert "720 labelled rows" in capsys.readouterr().err
    two, n = _two_years(tmp_path)
    assert main(["evaluate", "--embeddings", two, *QUICK]) == 2
    err = capsys.readouterr().err
    assert "holds labels of 2 years in its 'year' column (2023, 2024)" in err and "--year 2024" in err, err
    assert main(["evaluate", "--embeddings", two, "--year", "2023", *QUICK]) == 0
    said = capsys.readouterr()
    assert f"{n} labelled rows" in said.err and "its rows of --year 2023" in said.err, said.err
    assert main(["evaluate", "--embeddings", str(SAMPLES), *QUICK]) == 0   # one year, no --year: its rows
    assert capsys.readouterr().out.split("\n")[1:4] == said.out.split("\n")[1:4]   # the same rows, the same scores


@pytest.mark.skipif(not SAMPLES.exists(), reason="needs ../shared/data/aef_samples (the official samples CSV)")
def test_year_beside_a_table_without_a_year_column_is_refused(tmp_path, capsys):
    pd.read_csv(SAMPLES).drop(columns="year").to_csv(tmp_path / "t.csv", index=False)
    assert main(["evaluate", "--embeddings", str(tmp_path / "t.csv"), "--year", "2024", *QUICK]) == 2
    assert "which has no year column" in capsys.readouterr().err


def test_a_points_table_of_two_years_on_a_map_of_no_year(tmp_path, capsys):
    E.to_dataset(name="embedding").to_zarr(tmp_path / "e.zarr", consolidated=False)   # records no year
    rng = np.random.default_rng(1)
    p = _points(tmp_path, Year=rng.choice([2023, 2024], 60))
    rest = ["--embeddings", str(tmp_path / "e.zarr"), "--labels", p, "--spacing", "0", *QUICK]
    assert main(["evaluate", *rest]) == 2
    assert "holds labels of 2 years in its 'Year' column (2023, 2024)" in capsys.readouterr().err
    assert main(["evaluate", *rest, "--year", "2022"]) == 2
    assert "no row of --year 2022" in capsys.readouterr().err
    assert main(["evaluate", *rest, "--year", "2024"]) == 0
    n = int(capsys.readouterr().err.split(" labelled")[0].split()[-1])
    assert 0 < n < 60   # the 2024 rows only (some share a pixel)
