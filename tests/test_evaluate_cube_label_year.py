"""`aef evaluate --embeddings cube.zarr` of a 2-year cube (2023, 2024) with labels whose year column holds only 2023
was told 'pass --year 2024 (or another)', the cube's last year, which the labels then refuse (no row of 2024). The
refusal names the labels' year the cube holds (`evaluate_years.label_years`), in its shell line too; a table without
a year column, or of years the cube lacks, keeps the cube's last year."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.cli import main
from alphaearth_nb.testing import embedding_from_array, random_unit

QUICK = ["--shots", "3", "--folds", "2", "--spacing", "0"]


def _cube(tmp_path):
    maps = [embedding_from_array(random_unit((12, 10), seed=s)) for s in (1, 2)]
    c = xr.concat(maps, "time").assign_coords(time=pd.to_datetime(["2023-01-01", "2024-01-01"]))
    c.to_dataset(name="embedding").to_zarr(tmp_path / "c.zarr", consolidated=False)
    return maps[0], str(tmp_path / "c.zarr")


def _labels(tmp_path, e, name, suffix=".csv", **extra):
    rng = np.random.default_rng(0)
    r, c = rng.integers(0, 12, 60), rng.integers(0, 10, 60)
    t = pd.DataFrame({"x": e.x.values[c], "y": e.y.values[r], "label": np.where(c < 5, 11, 22), **extra})
    p = tmp_path / f"{name}{suffix}"
    t.to_parquet(p) if suffix == ".parquet" else t.to_csv(p, index=False)
    return str(p)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_the_labels_year_is_the_year_suggested(tmp_path, capsys, suffix):
    if suffix == ".parquet": pytest.importorskip("pyarrow")
    e, cube = _cube(tmp_path)
    p = _labels(tmp_path, e, "l23", suffix, year=2023)
    assert main(["evaluate", "--embeddings", cube, "--labels", p, *QUICK]) == 2
    err = capsys.readouterr().err
    assert "pass --year 2023 (the year of --labels" in err and "--year 2024" not in err, err
    assert "c_2023.zarr" in err and "isel(time=0)" in err   # the shell line writes that year
    assert main(["evaluate", "--embeddings", cube, "--labels", p, "--year", "2022", *QUICK]) == 2
    assert "e.g. --year 2023 (the year of --labels" in capsys.readouterr().err
    assert main(["evaluate", "--embeddings", cube, "--labels", p, "--year", "2023", *QUICK]) == 0   # and it scores


def test_labels_of_no_year_keep_the_cubes_last(tmp_path, capsys):
    e, cube = _cube(tmp_path)
    for extra in ({}, {"year": 2021}):
        p = _labels(tmp_path, e, f"l{len(extra)}", **extra)
        assert main(["evaluate", "--embeddings", cube, "--labels", p, *QUICK]) == 2
        assert "pass --year 2024 (or another)" in capsys.readouterr().err
