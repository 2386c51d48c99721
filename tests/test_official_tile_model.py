"""Every reader of official data names its model (the product's Earth Engine id), so its years and a map of ours are
never compared: mirrors.open_tile, official.zone_cube and mosaic, and a local mirror's tiles read as GeoTIFFs."""
import pytest

pytest.importorskip("rioxarray"); pytest.importorskip("geopandas"); pytest.importorskip("odc.geo")
from alphaearth_nb import official as off
from alphaearth_nb.analysis import change
from alphaearth_nb.core import MixedModelsError
from alphaearth_nb.cubes import join_years
from alphaearth_nb.embeddings import OFFICIAL_COLLECTION, read_official_tiff
from alphaearth_nb.exports import to_cog
from alphaearth_nb.mirrors import open_tile
from alphaearth_nb.quantize import dequantize
from alphaearth_nb.testing import embedding_from_array, random_unit

OWN = "alphaearth_nb tiny sha256:0123456789ab"


def _own_like(m):
    "A map of our model on the grid of `m` (y, x, band)."
    return m.copy(data=random_unit(m.shape[:2], seed=9)).assign_attrs({"embedding:model": OWN})


def test_open_tile_names_the_official_product(small_mirror):
    "open_tile recorded attrs crs only: change(tile, own) gave the models' difference as change, without a word."
    m = small_mirror((2023, 2024))
    hrefs = [str(m.root / p.split("/annual/")[1]) for p in sorted(m.written)]
    a = open_tile(hrefs[0])
    assert a.attrs["embedding:model"] == OFFICIAL_COLLECTION == a.attrs["source"]
    one = dequantize(a.isel(y=slice(0, 6), x=slice(0, 6))).assign_attrs(a.attrs)
    with pytest.raises(MixedModelsError, match="official product"): change(one, _own_like(one))
    with pytest.raises(MixedModelsError): join_years([one, _own_like(one)], [2023, 2024])
    with pytest.raises(MixedModelsError): change(a.isel(y=slice(0, 6), x=slice(0, 6)), _own_like(one))  # int8 too
    assert read_official_tiff(hrefs[0]).attrs["embedding:model"] == OFFICIAL_COLLECTION   # the mirror's tags


def test_open_tile_reads_the_model_our_tiff_names(tmp_path):
    "A tile our to_cog wrote of our model keeps that model (its AEF_MODEL tag), as read_cog reads it."
    e = embedding_from_array(random_unit((6, 5), seed=2)).assign_attrs({"embedding:model": OWN})
    t = open_tile(str(to_cog(e, tmp_path / "own.tif", overviews=False)))
    assert t.attrs["embedding:model"] == OWN


def test_zone_cube_and_mosaic_keep_the_model(small_mirror):
    m = small_mirror((2024,))
    t = off.tiles(m.index.total_bounds, 2024, source=m.root)
    z = t[t["crs"] == "EPSG:32631"]
    ix = m.index
    cube = off.zone_cube(z, off.area_of((ix.wgs84_west.min(), ix.wgs84_south.max(), 5.999, ix.wgs84_north.min())),
                         [2024], chunks=32)
    assert cube.attrs["embedding:model"] == OFFICIAL_COLLECTION and cube.attrs["crs"] == "EPSG:32631"
    f = dequantize(cube).assign_attrs(cube.attrs)
    gb = off.grid_for(off.area_of((5.99, 44.999, 5.995, 45.001)), "EPSG:32631")
    assert off.mosaic([f], gb, "nearest").attrs["embedding:model"] == OFFICIAL_COLLECTION
    with pytest.raises(MixedModelsError):
        off.mosaic([f, f.assign_attrs({"embedding:model": OWN})], gb, "nearest")
