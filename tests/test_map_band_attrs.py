"""A map made of an embedding (similarity, change, the class map and its scores, rgb, clusters) does not carry the
embedding's per-band attributes: an official tile or an Earth Engine export read by `rioxarray.open_rasterio` holds
`long_name` = ('A00', ..., 'A63'), one name a band, and a one-band map with 64 names is no raster rioxarray writes.
Was: each kept it (`keep_attrs`), so `sim.rio.to_raster('sim.tif')` raised RioXarrayError 'Number of names in the
'long_name' attribute does not equal the number of bands', and `to_netcdf` described the map as the 64 bands."""
import numpy as np
import pandas as pd
import pytest
import rasterio
import rioxarray
from rasterio.transform import from_origin

from alphaearth_nb.testing import random_unit

V = random_unit((6, 8), seed=3)
T = from_origin(500_000, 5_000_000, 10, 10)


@pytest.fixture(params=["int8 codes", "float32"], ids=str)
def tile(tmp_path, request):
    from alphaearth_nb.quantize import quantize
    a, dtype, nodata = (np.asarray(quantize(V)), "int8", -128) if request.param == "int8 codes" else (V, "float32", None)
    path = tmp_path / "tile.tif"
    with rasterio.open(path, "w", driver="GTiff", height=6, width=8, count=64, dtype=dtype, crs="EPSG:32631",
                       transform=T, nodata=nodata) as d:
        for i in range(64):
            d.write(a[..., i].astype(dtype), i + 1)
            d.set_band_description(i + 1, f"A{i:02d}")
    return path


def _maps(e):
    labels = pd.DataFrame({"x": e.x.values[[1, 2, 5, 6]], "y": e.y.values[[1, 2, 4, 5]], "label": [1, 1, 2, 2]})
    c = e.aef.classify(labels, k=1)
    return {"similarity": e.aef.similarity(V[2, 3]), "change": e.aef.change(e), "class": c["class"],
            "scores": c["scores"], "classify": c, "rgb": e.aef.rgb(), "clusters": e.aef.cluster(2),
            "cluster": e.aef.cluster(2)["cluster"]}


@pytest.mark.parametrize("lazy", [False, True])
def test_maps_of_a_read_tile_carry_no_band_names_and_write_as_rasters(tile, tmp_path, lazy):
    e = rioxarray.open_rasterio(tile, chunks={"x": 4} if lazy else None)
    assert len(e.attrs["long_name"]) == 64   # the reader's per-band names
    for name, m in _maps(e).items():
        assert not any(np.ndim(v) == 1 and len(v) == 64 for v in m.attrs.values()), (name, list(m.attrs))
    sim = _maps(e)["similarity"].compute()
    sim.rio.to_raster(tmp_path / "sim.tif")   # was RioXarrayError
    back = rioxarray.open_rasterio(tmp_path / "sim.tif").squeeze("band", drop=True)
    np.testing.assert_allclose(back.values, sim.values, atol=1e-6)
    assert float(back[2, 3]) == pytest.approx(1.0, abs=0.02)
    cls = _maps(e)["class"].compute()
    cls.rio.to_raster(tmp_path / "cls.tif")
    assert (rioxarray.open_rasterio(tmp_path / "cls.tif").values[0] == cls.values).all()


def test_the_embedding_keeps_its_band_names(tile):
    from alphaearth_nb.embeddings import as_embedding
    e = as_embedding(rioxarray.open_rasterio(tile))
    assert list(e.band.values) == [f"A{i:02d}" for i in range(64)]   # the bands stay labelled


def test_a_cube_of_read_tiles_gives_maps_without_the_readers_fill_or_band_names(tile, tmp_path):
    import xarray as xr
    e = rioxarray.open_rasterio(tile)   # int8: _FillValue -128, scale_factor, add_offset in attrs (a raw read)
    cube = xr.concat([e, e, e], dim=pd.Index(pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"]), name="time"))
    yc = cube.aef.yearly_change()
    for name, m in {**dict(yc.data_vars), "similarity": cube.aef.similarity(V[2, 3])}.items():
        assert not {"_FillValue", "scale_factor", "add_offset"} & set(m.attrs), (name, m.attrs)   # was -128 ..
        assert not any(np.ndim(v) == 1 and len(v) == 64 for v in m.attrs.values()), (name, list(m.attrs))
    yc["score"].isel(time=0).rio.to_raster(tmp_path / "score.tif")   # was RioXarrayError
