"""`aef evaluate --embeddings CUBE --year 2024` said "--year is not a flag of aef evaluate: did you mean --period
2024?", and --period was then refused for evaluate: a hint naming a flag the command lacks, a loop. aef evaluate
takes --year (the year of a cube of years to score, as aef classify does), and a hint from the table of other
tools' flags names only a flag the command has."""
import re

import numpy as np
import pandas as pd
import xarray as xr

from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import _MEANT, parser
from alphaearth_nb.testing import embedding_from_array, random_unit

Y0 = embedding_from_array(random_unit((12, 10), seed=1))
Y1 = embedding_from_array(random_unit((12, 10), seed=2))


def _files(tmp_path):
    rng = np.random.default_rng(0)
    r, c = rng.integers(0, 12, 40), rng.integers(0, 10, 40)
    pd.DataFrame({"x": Y1.x.values[c], "y": Y1.y.values[r], "label": np.where(c < 5, 11, 22)}).to_csv(
        tmp_path / "p.csv", index=False)
    cube = xr.concat([Y0, Y1], dim=pd.Index([2023, 2024], name="time")).to_dataset(name="embedding")
    cube.to_zarr(tmp_path / "cube.zarr", consolidated=False)
    Y1.to_dataset(name="embedding").to_zarr(tmp_path / "y2024.zarr", consolidated=False)
    Y0.to_dataset(name="embedding").to_zarr(tmp_path / "y2023.zarr", consolidated=False)
    return str(tmp_path / "cube.zarr"), ["--labels", str(tmp_path / "p.csv"), "--shots", "3", "--folds", "3",
                                         "--spacing", "0"]


def test_evaluate_scores_the_year_of_a_cube_named_by_year(tmp_path, capsys):
    cube, rest = _files(tmp_path)
    for year in (2023, 2024):
        assert main(["evaluate", "--embeddings", str(tmp_path / f"y{year}.zarr"), *rest]) == 0
        alone = capsys.readouterr().out
        assert main(["evaluate", "--embeddings", cube, "--year", str(year), *rest]) == 0, capsys.readouterr().err
        assert capsys.readouterr().out == alone
    assert main(["evaluate", "--embeddings", cube, *rest]) == 2
    assert "pass --year 2024" in capsys.readouterr().err
    assert main(["evaluate", "--embeddings", cube, "--year", "2022", *rest]) == 2
    err = capsys.readouterr().err
    assert "2023, 2024" in err and "not 2022" in err, err


def test_a_map_of_another_year_is_refused_under_year(tmp_path, capsys):
    _, rest = _files(tmp_path)
    one = Y1.assign_attrs(period_start="2024-01-01", period_end="2025-01-01").to_dataset(name="embedding")
    one.to_zarr(tmp_path / "one.zarr", consolidated=False)
    assert main(["evaluate", "--embeddings", str(tmp_path / "one.zarr"), "--year", "2023", *rest]) == 2
    assert "a map of 2024, not of --year 2023" in capsys.readouterr().err


def test_a_hint_names_only_a_flag_the_command_has(capsys):
    sub = next(a for a in parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    checked = 0
    for name, cmd in sub.choices.items():
        for flag in _MEANT:
            if flag in cmd._option_string_actions: continue
            assert main([name, flag, "x"]) == 2
            err = capsys.readouterr().err
            for meant in re.findall(r"did you mean (--[\w-]+)", err):
                assert meant in cmd._option_string_actions, (name, flag, err)
                checked += 1
    assert checked > 10
