"""Newcomer s56 #12: Python had no public reader for a folder of embedding GeoTIFFs (what Earth Engine's
`Export.image.toDrive` leaves: tiles of a year, one export a year), though every `aef` command reads one; and
`read_cog(folder)` said "open a zarr store with `open_zarr`". `embedding_files.open_embeddings(folder)` (the
commands' reader) now takes a path as text with no variable named, giving one map or a cube of one map a year, and
read_cog's refusal of a folder names that call (which runs as printed)."""
import re
import warnings

import numpy as np
import pytest

pytest.importorskip("rioxarray")
import alphaearth_nb as aef
from alphaearth_nb.core import MissingDataError, TimeWarning
from alphaearth_nb.embedding_files import open_embeddings
from alphaearth_nb.embeddings import dequantize_embedding, quantize_embedding
from alphaearth_nb.testing import official_tiff


def _export(e, path):
    "`e` as an Earth Engine export: int8 codes, no AEF_* tag (no year)."
    official_tiff(quantize_embedding(e)).drop_vars("spatial_ref").rio.write_crs("EPSG:32631").rio.to_raster(path)


@pytest.fixture
def ee(tmp_path, two_year_maps):
    noise, clear = two_year_maps
    d = tmp_path / "ee"; d.mkdir()
    for e, y in ((noise, 2023), (clear, 2024)):
        _export(e.isel(x=slice(0, 6)), d / f"aef_{y}-0000000000-0000000000.tif")
        _export(e.isel(x=slice(6, None)), d / f"aef_{y}-0000000000-0000000006.tif")
    return d, noise, clear


def test_open_embeddings_reads_an_export_folder(ee):
    d, noise, clear = ee
    with warnings.catch_warnings():
        warnings.simplefilter("error", TimeWarning)   # EE's names: no word
        cube = open_embeddings(str(d))
    assert cube.dims == ("time", "y", "x", "band") and [str(t)[:4] for t in cube.time.values] == ["2023", "2024"]
    for got, want in ((cube.sel(time="2023-01-01"), noise), (cube.sel(time="2024-01-01"), clear)):
        np.testing.assert_allclose(got.values, dequantize_embedding(quantize_embedding(want)).values, atol=1e-6)
    for f in d.glob("aef_2023-*"): f.unlink()   # one export, one year: its tiles joined
    one = open_embeddings(d)
    assert one.dims == ("y", "x", "band") and one.sizes["x"] == 12 and one.attrs["time"].startswith("2024")
    np.testing.assert_allclose(one.squeeze().values, dequantize_embedding(quantize_embedding(clear)).values, atol=1e-6)


def test_read_cog_of_a_folder_names_the_reader(ee):
    d = ee[0]
    with pytest.raises(MissingDataError) as e:
        aef.exports.read_cog(d)
    text = str(e.value)
    assert "open_embeddings" in text, text
    call = re.search(r"`(aef\.embedding_files\.open_embeddings\([^`]*\))`", text).group(1)
    assert eval(call, {"aef": aef}).sizes["time"] == 2
