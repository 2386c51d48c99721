"""`aef change` given one --year with one --embeddings of several years: the year named is not the one compared
(a cube of two years compared its two whatever the --year; more years asked for two without naming the one given):
refused, naming the two --year that compare the year given with the next (or, for the last, the one before)."""
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.years import join_years
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cube(tmp_path, years):
    maps = [embedding_from_array(random_unit((6, 5), seed=i)).assign_attrs(time=f"{y}-01-01")
            for i, y in enumerate(years)]
    to_zarr(join_years(maps), tmp_path / "cube.zarr")
    return str(tmp_path / "cube.zarr")


@pytest.mark.parametrize("years, given, want", [((2023, 2024), 2023, "--year 2023 --year 2024"),
                                               ((2023, 2024), 2024, "--year 2023 --year 2024"),
                                               ((2018, 2019, 2020), 2019, "--year 2019 --year 2020"),
                                               ((2018, 2019, 2020), 2020, "--year 2019 --year 2020")])
def test_one_year_given_once_is_refused_naming_two(tmp_path, capsys, years, given, want):
    cube = _cube(tmp_path, years)
    assert main(["change", "--embeddings", cube, "--year", str(given), "--out", str(tmp_path / "c.tif")]) == 2
    err = capsys.readouterr().err
    assert f"--year {given} given once with one --embeddings" in err and f"pass {want}" in err, err
    assert not (tmp_path / "c.tif").exists()


def test_a_year_the_cube_lacks_names_those_it_holds(tmp_path, capsys):
    cube = _cube(tmp_path, (2023, 2024))
    assert main(["change", "--embeddings", cube, "--year", "2021", "--out", str(tmp_path / "c.tif")]) == 2
    assert "holds 2 years (2023, 2024), not 2021" in capsys.readouterr().err
