"""stac_item of what is no georeferenced GeoTIFF says so with the step that makes one (kind G).

A GeoTIFF without a CRS (written by rasterio without `crs=`, or with no geotransform at all) and an embedding Zarr
store (GDAL's Zarr driver opens it, with no CRS it reads) raised AttributeError "'NoneType' object has no attribute
'to_wkt'"."""
import numpy as np
import pytest

from alphaearth_nb.core import CRSError, MissingDataError
from alphaearth_nb.stores import open_zarr, stac_item, to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("pystac")
rasterio = pytest.importorskip("rasterio")


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((4, 4), seed=0))


@pytest.mark.parametrize("georef", [True, False])
def test_a_geotiff_without_a_crs_is_told_how_to_give_it_one(emb, tmp_path, georef):
    from rasterio.transform import from_origin
    p = tmp_path / "nocrs.tif"
    kw = {"transform": from_origin(500000, 5000000, 10, 10)} if georef else {}
    with rasterio.open(p, "w", driver="GTiff", height=4, width=4, count=64, dtype="int8", **kw) as f:
        f.write(np.asarray(emb.aef.quantize().transpose("band", "y", "x").values))
    with pytest.raises(CRSError, match=r"has no CRS, so its item has no footprint: .*rasterio.open.*d.crs = "):
        stac_item(p)
    e = emb.copy(); e.attrs["crs"] = "EPSG:32631"   # the message's first way: from a map with a CRS
    item = stac_item(e.aef.to_cog(tmp_path / "ok.tif"))
    assert item.properties["proj:code"] == "EPSG:32631"


def test_a_zarr_store_is_told_to_be_written_as_a_cog_first(emb, tmp_path):
    store = to_zarr(emb, tmp_path / "emb.zarr")
    with pytest.raises(MissingDataError, match=r"is a Zarr store, not a GeoTIFF: .*to_cog\('emb.tif'\)"):
        stac_item(store)
    item = stac_item(open_zarr(store).aef.to_cog(tmp_path / "emb.tif"))   # the fix as written
    w, s, e, n = item.bbox
    assert 2.99 < w < e < 3.01 and 45.1 < s < n < 45.2   # 500000 E, 5000000 N of UTM 31N: 3 E, 45.1 N
