"""The year of a map travels through its GeoTIFF: `to_cog` of a year cut from a cube (`cube.isel(time=i)`, whose year is
a scalar `time` coordinate) and `map_to_cog` of a map made from it record it (AEF_TIME), a change map its two years
(AEF_FROM_YEAR, AEF_TO_YEAR); `aef change` names the years in the order given, the file of a map that records none,
and refuses the same map twice (one file, one year, a copy) before writing a map of zeros. Real inputs: official-layout
tiles built from the shared AlphaEarth samples."""
import warnings

import numpy as np
import pytest

from alphaearth_nb import analysis
from alphaearth_nb.cli import main
from alphaearth_nb.core import TimeWarning
from alphaearth_nb.embeddings import tags_read
from alphaearth_nb.exports import map_to_cog, read_cog, to_cog, to_zarr
from alphaearth_nb.years import join_years, map_year

rioxarray = pytest.importorskip("rioxarray")



@pytest.fixture(scope="module")
def years(two_year_cogs):
    "The area's 2023 and 2024 maps cut from an official cube, as COGs (`to_cog`, conftest's `two_year_cogs`), and 2023 as a store."
    root, cube = two_year_cogs
    e23, e24 = cube.isel(time=0), cube.isel(time=1)
    assert "time" not in e23.attrs and map_year(e23) == 2023   # the year is the scalar coordinate alone
    to_zarr(e23, root / "e2023.zarr")
    return root, e23, e24


def test_cogs_record_the_year_of_a_map_cut_from_a_cube(years, tmp_path):
    "`to_cog` and `map_to_cog` of one year of a cube keep it (was: no AEF_TIME, the year lost); a change map keeps " \
    "its two years, read back as whole numbers."
    root, e23, e24 = years
    assert map_year(read_cog(root / "e2023.tif")) == 2023 and map_year(read_cog(root / "e2024.tif")) == 2024
    sim = analysis.similarity(e24, e24.isel(y=10, x=20).values)
    map_to_cog(sim, tmp_path / "sim.tif")
    chg = analysis.change(e23, e24)
    map_to_cog(chg, tmp_path / "chg.tif")
    s = rioxarray.open_rasterio(tmp_path / "sim.tif")
    c = rioxarray.open_rasterio(tmp_path / "chg.tif")
    assert s.attrs["AEF_TIME"].startswith("2024-01-01") and map_year(s.assign_attrs(tags_read(s.attrs))) == 2024
    read = tags_read(c.attrs)
    assert (read["from_year"], read["to_year"]) == (2023, 2024), c.attrs


@pytest.mark.parametrize("order", [("e2023.tif", "e2024.tif"), ("e2024.tif", "e2023.tif"), ("e2023.zarr", "e2024.tif")])
def test_change_names_the_years_in_the_order_given(years, tmp_path, capsys, order):
    "Two COGs, swapped, a store and a COG: the first line names both years as given (was: 'change:' for two COGs, " \
    "'change from 2023:' for a store and a COG); the change map records them."
    root = years[0]
    assert main(["change", "--embeddings", str(root / order[0]), "--embeddings", str(root / order[1]),
                 "--out", str(tmp_path / "c.tif")]) == 0
    want = [int(p[1:5]) for p in order]
    assert f"change from {want[0]} to {want[1]}: " in capsys.readouterr().out
    read = tags_read(rioxarray.open_rasterio(tmp_path / "c.tif").attrs)
    assert [read["from_year"], read["to_year"]] == want


def test_a_map_of_no_year_is_named_by_its_file(years, tmp_path, capsys):
    "A map whose file records no year (its year tag removed, as a GDAL tool's copy loses it) is named by its path."
    root, _, e24 = years
    to_cog(e24.drop_vars("time"), tmp_path / "undated.tif")
    assert map_year(read_cog(tmp_path / "undated.tif")) is None
    assert main(["change", "--embeddings", str(root / "e2023.tif"), "--embeddings", str(tmp_path / "undated.tif"),
                 "--out", str(tmp_path / "c.tif")]) == 0
    assert f"change from 2023 to {tmp_path / 'undated.tif'} (no year recorded): " in capsys.readouterr().out


def test_the_same_map_twice_is_refused(years, tmp_path, capsys):
    "One file twice, one year of a cube twice, a store and its copy as a COG: exit 2 before any file is written " \
    "(was: a map of zeros, exit 0, nothing said)."
    root = years[0]
    to_zarr(join_years([years[1], years[2]]), tmp_path / "cube.zarr")
    cases = [(["--embeddings", root / "e2023.tif", "--embeddings", root / "e2023.tif"],
              f"--embeddings {root / 'e2023.tif'} given twice (both of 2023)"),
             (["--embeddings", tmp_path / "cube.zarr", "--year", "2024", "--year", "2024"],
              f"--year 2024 given twice with --embeddings {tmp_path / 'cube.zarr'}"),
             (["--embeddings", root / "e2023.zarr", "--embeddings", root / "e2023.tif"], "hold the same vector at every pixel")]
    for args, said in cases:
        assert main(["change", *map(str, args), "--out", str(tmp_path / "z.tif")]) == 2, args
        err = capsys.readouterr().err
        assert said in err and "pass the maps of two years" in err, err
    assert not (tmp_path / "z.tif").exists()


def test_two_maps_of_one_year_warn(years, tmp_path, capsys):
    "Two different maps that record one year: written, with a TimeWarning naming the year (their change is not " \
    "between years)."
    root, _, e24 = years
    to_cog(e24.drop_vars("time").assign_attrs(time="2023-01-01T00:00:00"), tmp_path / "other2023.tif")
    with pytest.warns(TimeWarning, match="are both maps of 2023"):
        assert main(["change", "--embeddings", str(root / "e2023.tif"), "--embeddings", str(tmp_path / "other2023.tif"),
                     "--out", str(tmp_path / "c.tif")]) == 0
    assert "change from 2023 to 2023: " in capsys.readouterr().out
    got = rioxarray.open_rasterio(tmp_path / "c.tif").squeeze("band", drop=True)
    assert np.nanmax(got.values) > 0.1


def test_derived_map_as_embeddings_names_its_years(years, tmp_path, capsys):
    "A change COG given as --embeddings is named with the years it spans, read from its tags."
    root = years[0]
    assert main(["change", "--embeddings", str(root / "e2023.tif"), "--embeddings", str(root / "e2024.tif"),
                 "--out", str(tmp_path / "c.tif")]) == 0
    capsys.readouterr()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["similarity", "--embeddings", str(tmp_path / "c.tif"), "--points", str(tmp_path / "c.tif"),
                     "--out", str(tmp_path / "s.tif")]) == 2
    assert f"--embeddings {tmp_path / 'c.tif'} is a change map of 2023 to 2024" in capsys.readouterr().err
