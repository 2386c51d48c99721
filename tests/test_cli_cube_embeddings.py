"""aef evaluate --embeddings a cube of years (time, y, x, band: the official product's `official.open` over two
years, or xee's Dataset of them, saved with `to_zarr`/`to_netcdf`) refuses in the command's words, naming the years
held and a shell line that writes one year to its own file, which the command then scores; a cube of one year
(`official.open(area, 2024)` saved) is that year's map, as xee's Dataset of one year already was. Was: 'an embedding
has dims (y, x, band) only; extra dims ['time']: select one, e.g. `da.isel(time=0)`' (a DataArray of one year too),
and for xee's Dataset of two years '`ds.sel(time='2024')` ... `aef.from_official(ds)`': Python the shell user cannot
type into the command."""
import re
import shlex
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.testing import embedding_from_array, random_unit

Y0 = embedding_from_array(random_unit((12, 10), seed=1))
Y1 = embedding_from_array(random_unit((12, 10), seed=2))
YEARS = {"dates": pd.to_datetime(["2023-01-01", "2024-01-01"]), "ints": [2023, 2024]}


def _labels(tmp_path):
    rng = np.random.default_rng(0)
    r, c = rng.integers(0, 12, 40), rng.integers(0, 10, 40)
    pd.DataFrame({"x": Y1.x.values[c], "y": Y1.y.values[r], "label": np.where(c < 5, 11, 22)}).to_csv(
        tmp_path / "p.csv", index=False)
    return ["--labels", str(tmp_path / "p.csv")]


def _write(obj, path):
    obj.to_zarr(path, consolidated=False) if str(path).endswith(".zarr") else obj.to_netcdf(path)
    return str(path)


@pytest.mark.parametrize("suffix", [".zarr", ".nc"])
@pytest.mark.parametrize("form", ["DataArray", "xee Dataset"])
@pytest.mark.parametrize("years", list(YEARS))
def test_a_cube_of_years_names_the_years_and_a_line_that_writes_one(tmp_path, evaluate_cli, suffix, form, years):
    labels = _labels(tmp_path)
    one = _write(Y1.to_dataset(name="embedding"), tmp_path / f"y2024{suffix}")
    rc, want, err = evaluate_cli("--embeddings", one, *labels)
    assert rc == 0, err
    cube = xr.concat([Y0, Y1], dim=pd.Index(YEARS[years], name="time"))
    cube = cube.to_dataset(name="embedding") if form == "DataArray" else cube.to_dataset("band")
    path = _write(cube, tmp_path / f"cube{suffix}")
    rc, _, err = evaluate_cli("--embeddings", path, *labels)
    assert rc == 2 and "holds 2 years along time (2023, 2024)" in err and "isel(" not in err.split("python")[0], err
    assert "da.isel" not in err and "aef.from_official" not in err, err
    line = re.search(r"`(python -c .+?)`", err)[1]   # the shell line it names, run as a shell runs it
    words = shlex.split(line)
    subprocess.run([sys.executable, *words[1:]], cwd=tmp_path, check=True)
    out = re.search(r"pass (\S+) as --embeddings", err)[1]
    assert evaluate_cli("--embeddings", str(tmp_path / out), *labels)[:2] == (0, want)   # the year it wrote: 2024


@pytest.mark.parametrize("form", ["DataArray", "xee Dataset"])
def test_a_cube_of_one_year_is_that_years_map(tmp_path, evaluate_cli, form):
    labels = _labels(tmp_path)
    rc, want, err = evaluate_cli("--embeddings", _write(Y1.to_dataset(name="embedding"), tmp_path / "y.zarr"), *labels)
    assert rc == 0, err
    cube = Y1.expand_dims(time=pd.to_datetime(["2024-01-01"]))
    cube = cube.to_dataset(name="embedding") if form == "DataArray" else cube.to_dataset("band")
    rc, got, err = evaluate_cli("--embeddings", _write(cube, tmp_path / "c.nc"), *labels)
    assert (rc, got) == (0, want), err
