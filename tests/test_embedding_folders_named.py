"""`aef evaluate/classify --embeddings` of folders other tools wrote (f54a6ee4 refused or misnamed each):
a copy of the mirrors' YEAR/ZONE/ layout with no index, its root or a year's folder ("neither a zarr store nor a
table"): read as its tiles, a zone's folder named where it holds several zones; a folder of Earth Engine exports
`embedding_2023.tif`, `embedding_2024.tif` (no AEF_TIME tag) ("record no year ... cover the same pixels"): the year
in each name read, said; a file of no year beside files of one (`join_years`' Python words, or the
`interp_like` resampling advice): the file named, with a `mv` line; a tile of no CRS beside tiles of one ("2 CRSs
(EPSG:32631, None)"): the tile named with the line that sets it; a folder of folders of GeoTIFFs: the folder to
pass."""
import shlex

import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.cli import main
from alphaearth_nb.embeddings import quantize_embedding
from alphaearth_nb.embedding_files import open_embeddings
from alphaearth_nb.exports import to_cog
from alphaearth_nb.core import DimensionError, TimeWarning
from alphaearth_nb.testing import official_tiff


def _export(e, path, crs="EPSG:32631"):
    "`e` as an Earth Engine export or a mirror tile: int8 codes, no AEF_* tag (no year), `crs` or none."
    t = official_tiff(quantize_embedding(e)).drop_vars("spatial_ref")   # its CRS: `crs` alone
    (t.rio.write_crs(crs) if crs else t).rio.to_raster(path)


def _run(capsys, tmp_path, emb, *more, cmd="evaluate"):
    args = [cmd, "--embeddings", str(emb), "--labels", str(tmp_path / "p.csv")] + (
        ["--shots", "3", "--folds", "4"] if cmd == "evaluate" else ["--out", str(tmp_path / "o.tif"), "--overwrite"])
    rc = main(args + list(more))
    c = capsys.readouterr()
    return rc, c.out, " ".join(c.err.split())


def test_a_mirror_copy_without_its_index_is_read(tmp_path, capsys, two_year_maps):
    noise, clear = two_year_maps
    for y, e in ((2023, noise), (2024, clear)):
        (tmp_path / "m" / str(y) / "31N").mkdir(parents=True)
        _export(e, tmp_path / "m" / str(y) / "31N" / "tile.tif")
    rc, out, err = _run(capsys, tmp_path, tmp_path / "m")
    assert rc == 2 and "2 years (2023, 2024)" in err and "neither a zarr store" not in err, err
    rc, out, err = _run(capsys, tmp_path, tmp_path / "m", "--year", "2024")
    assert rc == 0 and "100.0" in out, err
    for emb in (tmp_path / "m" / "2024", tmp_path / "m"):   # a year's folder; the root, --year picking one
        rc, out, err = _run(capsys, tmp_path, emb, *(["--year", "2024"] if emb.name == "m" else []), cmd="classify")
        assert rc == 0 and (tmp_path / "o.tif").is_file(), err
    assert open_embeddings(tmp_path / "m" / "2023", None).attrs["time"].startswith("2023")
    (tmp_path / "m" / "2024" / "32N").mkdir()   # two zones: two grids, the zone folder to pass named
    _export(clear, tmp_path / "m" / "2024" / "32N" / "tile.tif", "EPSG:32632")
    rc, out, err = _run(capsys, tmp_path, tmp_path / "m" / "2024")
    assert rc == 2 and "2 UTM zones (31N, 32N)" in err and f"--embeddings {tmp_path / 'm' / '2024' / '32N'}" in err, err


def test_earth_engine_exports_are_dated_by_their_names(tmp_path, capsys, two_year_maps):
    noise, clear = two_year_maps
    gee = tmp_path / "gee"; gee.mkdir()
    _export(noise, gee / "embedding_2023.tif"); _export(clear, gee / "embedding_2024.tif")
    with pytest.warns(TimeWarning, match=r"embedding_2023.tif \(2023\), embedding_2024.tif \(2024\) record no year .* "
                      "read as the year in the file name"):
        rc, out, err = _run(capsys, tmp_path, gee, "--year", "2024")
    assert rc == 0 and "100.0" in out, err
    two = tmp_path / "two"; two.mkdir()   # a name of two years is no year: not read
    _export(noise, two / "change_2023_2024.tif"); _export(clear, two / "b_2023_2024.tif")
    rc, out, err = _run(capsys, tmp_path, two, "--year", "2024")
    assert rc == 2 and "record no year" in err and "year in the file name" in err, err


@pytest.mark.parametrize("cmd", ["evaluate", "classify"])
def test_a_file_of_no_year_beside_dated_files_is_named(tmp_path, capsys, cmd, two_year_maps):
    noise, clear = two_year_maps
    mixed = tmp_path / "mixed"; mixed.mkdir()
    to_cog(clear, mixed / "e24.tif", overviews=False)
    _export(noise, mixed / "old.tif")   # untagged, no year in its name
    rc, out, err = _run(capsys, tmp_path, mixed, "--year", "2024", cmd=cmd)
    assert rc == 2 and "1 that records no year (old.tif" in err, err
    assert "join_years" not in err and "interp_like" not in err and "years=[" not in err, err
    mv = shlex.split(err.split("`mv ")[1].split("`")[0])
    assert mv[0] == str(mixed / "old.tif") and mv[1] == str(mixed / "old_YEAR.tif"), err
    (mixed / "old.tif").rename(mixed / "old_2023.tif")   # the line run, YEAR filled in: read
    rc, out, err = _run(capsys, tmp_path, mixed, "--year", "2024", cmd=cmd)
    assert rc == 0, err


def test_a_tile_of_no_crs_is_named(tmp_path, capsys, two_year_maps):
    _, clear = two_year_maps
    part = tmp_path / "part"; part.mkdir()
    _export(clear.isel(x=slice(0, 6)), part / "west.tif")
    _export(clear.isel(x=slice(6, 12)), part / "east.tif", crs=None)
    rc, out, err = _run(capsys, tmp_path, part, cmd="classify")
    assert rc == 2 and "1 tile that records no CRS (east.tif) beside tiles of EPSG:32631" in err, err
    assert "None" not in err and "rasterio.open" in err and "east.tif" in err.split("rasterio.open")[1], err


def test_a_folder_of_folders_of_tiles_names_the_folder(tmp_path, two_year_maps):
    _, clear = two_year_maps
    (tmp_path / "out" / "tiles").mkdir(parents=True)
    to_cog(clear, tmp_path / "out" / "tiles" / "e.tif", overviews=False)
    with pytest.raises(DimensionError, match="pass the folder that holds them, --embeddings .*tiles"):
        open_embeddings(tmp_path / "out", None)

