"""`derived_maps.one_value_map` (what a file refused as --embeddings is, in words) read the GeoTIFF's first band whole
before it counted the bands: any file the embedding reader refused (a 3-band RGB, 64 bands of another fault) cost one
band in memory on the way to the refusal (a 10,000 x 10,000 file: 400 MB). It counts the bands first, and a map of
one band is named from its tags and coordinates, no value read."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.derived_maps import one_value_map
from alphaearth_nb.exports import map_to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")
pytest.importorskip("rioxarray")


@pytest.fixture
def reads(monkeypatch):
    "The windows read from any GeoTIFF while the test runs (rasterio's DatasetReader.read, which rioxarray calls)."
    got, read = [], rasterio.io.DatasetReader.read
    def counted(self, *a, **kw):
        got.append(self.name)
        return read(self, *a, **kw)
    monkeypatch.setattr(rasterio.io.DatasetReader, "read", counted)
    return got


def test_a_file_of_three_bands_is_answered_without_a_read(tmp_path, reads):
    p = tmp_path / "rgb.tif"
    rgb = xr.DataArray(np.zeros((3, 40, 50), np.uint8), dims=("band", "y", "x"),
                       coords={"band": [1, 2, 3], "y": 5e6 - 10.0 * np.arange(40), "x": 5e5 + 10.0 * np.arange(50)})
    rgb.rio.write_crs("EPSG:32631").rio.to_raster(p)
    reads.clear()
    assert one_value_map(p, None) is None
    assert reads == [], reads


def test_a_similarity_cog_is_named_without_a_read(tmp_path, reads):
    emb = embedding_from_array(random_unit((30, 40), seed=2))
    sim = (emb.isel(band=0) * 0 + 0.5).rename("similarity").astype(np.float32)
    p = map_to_cog(sim, tmp_path / "sim.tif")
    reads.clear()
    assert one_value_map(p, None).startswith("a similarity map")
    assert reads == [], reads
