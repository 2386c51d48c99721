"""`aef evaluate --embeddings tiles/` (a folder of embedding GeoTIFFs: tiles, or a map a year) is read as `aef
classify/similarity/change` read it (`derived_maps.tif_folder`): tiles of a year joined into one map, --year picking a
year. Was (f65dc79a): refused, offering `gdalbuildvrt`/`rio merge` of the folder, which mixes a folder of 2023 and 2024
into one map of no year, or 'one tile' naming the 2023 file beside --year 2024; a folder of one file refused alike."""

import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_cog


def test_a_folder_of_two_years_scores_the_year_given(tmp_path, capsys, two_year_maps):
    noise, clear = two_year_maps
    tifs = tmp_path / "tifs"; tifs.mkdir()
    to_cog(noise, tifs / "e23.tif", overviews=False); to_cog(clear, tifs / "e24.tif", overviews=False)
    args = ["evaluate", "--embeddings", str(tifs), "--labels", str(tmp_path / "p.csv"), "--shots", "3", "--folds", "4"]
    assert main(args) == 2   # two years, no --year: which one, said
    err = " ".join(capsys.readouterr().err.split())
    assert "2 years (2023, 2024)" in err and "pass --year 2024" in err and "gdalbuildvrt" not in err, err
    assert main(args + ["--year", "2024"]) == 0
    out = capsys.readouterr().out
    assert "100.0" in out, out   # the 2024 map: its halves separate the classes exactly (2023's noise does not)


def test_a_folder_of_one_map_or_of_tiles_is_read(tmp_path, capsys, two_year_maps):
    _, clear = two_year_maps
    one, tiles = tmp_path / "one", tmp_path / "tiles"; one.mkdir(); tiles.mkdir()
    to_cog(clear, one / "e24.tif", overviews=False)
    to_cog(clear.isel(x=slice(0, 6)), tiles / "a.tif", overviews=False)
    to_cog(clear.isel(x=slice(6, 12)), tiles / "b.tif", overviews=False)
    for f in (one, tiles):
        assert main(["evaluate", "--embeddings", str(f), "--labels", str(tmp_path / "p.csv"), "--shots", "3",
                     "--folds", "4"]) == 0, capsys.readouterr().err
        assert "100.0" in capsys.readouterr().out
