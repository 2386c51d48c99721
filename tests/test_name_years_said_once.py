"""Newcomer s56 #18: a folder of Earth Engine exports warned (TimeWarning "record no year ... read as the year in
the file name") at every command and every read, though EE writes no AEF_TIME tag and the user has nothing to mend.
Now a folder of Earth Engine's split exports (`PREFIX-RRRRRRRRRR-CCCCCCCCCC.tif`, the year in the prefix) is read
without a word (the years still taken from the names), and a folder of other names is warned once per folder in a
process (a notebook reading it again is not told again); another folder is told anew."""
import warnings

import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.cli import main
from alphaearth_nb.core import TimeWarning
from alphaearth_nb.derived_maps import tif_folder
from alphaearth_nb.embeddings import quantize_embedding
from alphaearth_nb.testing import official_tiff


def _export(e, path):
    "`e` as an Earth Engine export: int8 codes, no AEF_* tag (no year)."
    official_tiff(quantize_embedding(e)).drop_vars("spatial_ref").rio.write_crs("EPSG:32631").rio.to_raster(path)


def _years(path):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        m = tif_folder(path, "similarity")
    return sorted({int(str(t)[:4]) for t in m["time"].values}), [w for w in got if issubclass(w.category, TimeWarning)]


def test_earth_engine_split_exports_read_without_a_warning(tmp_path, capsys, two_year_maps):
    noise, clear = two_year_maps
    ee = tmp_path / "ee"; ee.mkdir()
    for e, y in ((noise, 2023), (clear, 2024)):
        _export(e.isel(x=slice(0, 6)), ee / f"aef_{y}-0000000000-0000000000.tif")
        _export(e.isel(x=slice(6, None)), ee / f"aef_{y}-0000000000-0000000006.tif")
    years, said = _years(ee)
    assert years == [2023, 2024] and not said, [str(w.message) for w in said]
    with warnings.catch_warnings():
        warnings.simplefilter("error", TimeWarning)
        assert main(["change", "--embeddings", str(ee), "--out", str(tmp_path / "c.tif")]) == 0
    assert "from 2023 to 2024" in capsys.readouterr().out


def test_other_names_warned_once_per_folder(tmp_path, two_year_maps):
    noise, clear = two_year_maps
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        _export(noise, tmp_path / name / "embedding_2023.tif"); _export(clear, tmp_path / name / "embedding_2024.tif")
    years, said = _years(tmp_path / "a")
    assert years == [2023, 2024] and len(said) == 1 and "read as the year in the file name" in str(said[0].message)
    years, said = _years(tmp_path / "a")   # the same folder again: not told again
    assert years == [2023, 2024] and not said, [str(w.message) for w in said]
    years, said = _years(tmp_path / "b")   # another folder: told
    assert len(said) == 1 and "embedding_2024.tif (2024)" in str(said[0].message)
