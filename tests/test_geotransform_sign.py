"""The y labels place an official tile's rows, whatever the sign of the reader's geotransform beside them.

Each layout here is written by rasterio (GDAL) and read by rioxarray or xarray, as a user gets it: a GeoTIFF stored
bottom-up (pixel height e > 0, as the public mirror stores them) or north-up; the bottom-up one turned north-up in
xarray (isel, sortby), where `spatial_ref` keeps the old e > 0 beside descending labels, and written by `to_netcdf`
so; and GDAL's netCDF of each (WRITE_BOTTOMUP YES and NO), whose grid mapping keeps the source's GeoTransform
whichever way the rows are stored. In each the labels are right (the vector under every (y, x) is the one written
there), so `from_official` reads them silently: it warned 'the file's geotransform says its rows are stored
south-first ... read it with flip=True' on the turned map, a fix that turns it upside down."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import GridWarning
from alphaearth_nb.embeddings import dequantize_embedding, from_official, quantize_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")
rioxarray = pytest.importorskip("rioxarray")
from rasterio.transform import Affine  # noqa: E402

EMB = embedding_from_array(random_unit((3, 4), seed=43))   # 10 m pixels, EPSG:32631, y descending
Q = quantize_embedding(EMB)
WANT = dequantize_embedding(Q)                              # the vector written at each (y, x)


def _tiff(path, bottom_up:bool):
    "The codes as a 64-band int8 GeoTIFF: north-up (e = -10, rows north-first) or bottom-up (e = +10, south-first)."
    codes = np.asarray(Q.transpose("band", "y", "x").values)
    x0, top = float(EMB.x[0]) - 5, float(EMB.y[0]) + 5
    tr, rows = (Affine(10, 0, x0, 0, 10, top - 30), codes[:, ::-1]) if bottom_up else (Affine(10, 0, x0, 0, -10, top), codes)
    with rasterio.open(path, "w", driver="GTiff", height=3, width=4, count=64, dtype="int8", crs="EPSG:32631",
                       transform=tr, nodata=-128) as f:
        f.write(np.ascontiguousarray(rows))
    return path


def _layouts(tmp_path, bottom_up:bool) -> dict:
    tif = _tiff(tmp_path / "t.tif", bottom_up)
    read = rioxarray.open_rasterio(tif, mask_and_scale=False)
    turned = read.isel(y=slice(None, None, -1))
    out = {"rioxarray": read, "turned (isel)": turned, "turned (sortby)": read.sortby("y", ascending=not bottom_up)}
    turned.rename("emb").to_netcdf(tmp_path / "turned.nc")
    out["turned, to_netcdf"] = xr.open_dataset(tmp_path / "turned.nc", mask_and_scale=False, decode_coords="all")["emb"]
    import rasterio.shutil
    for bu in ("YES", "NO"):
        rasterio.shutil.copy(tif, tmp_path / f"g{bu}.nc", driver="netCDF", WRITE_BOTTOMUP=bu)
        out[f"GDAL netCDF {bu}"] = xr.open_dataset(tmp_path / f"g{bu}.nc", mask_and_scale=False)
    return out


def _right(e):
    "Every vector under its own (y, x), the map north-up."
    assert (np.diff(e.y.values) < 0).all()
    np.testing.assert_allclose(e.y.values, WANT.y.values)
    np.testing.assert_array_equal(e.sel(y=WANT.y, x=WANT.x, method="nearest").values, WANT.values)


@pytest.mark.parametrize("bottom_up", [True, False], ids=["bottom-up tif", "north-up tif"])
def test_labels_place_the_rows_silently(tmp_path, bottom_up):
    layouts = _layouts(tmp_path, bottom_up)
    sr = layouts["turned (isel)"].spatial_ref.attrs["GeoTransform"].split()
    assert (float(sr[5]) > 0) == bottom_up                              # the old sign kept beside the turned labels
    for name, obj in layouts.items():
        with warnings.catch_warnings():
            warnings.simplefilter("error", UserWarning)
            e = from_official(obj)
        _right(e)


def test_flip_under_a_turned_maps_geotransform_is_not_confirmed(tmp_path):
    "flip=True on the bottom-up tile turned north-up in xarray: obeyed (the flag's meaning), but warned, never silent."
    turned = _layouts(tmp_path, True)["turned (isel)"]
    with pytest.warns(GridWarning, match="flag's word alone.*turned north-up in xarray"):
        e = from_official(turned, flip=True)
    np.testing.assert_array_equal(e.values, WANT.values[::-1])           # upside down, as the warning says
