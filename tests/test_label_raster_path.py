"""A label raster given by its path (a GeoTIFF, netCDF or Zarr of land cover) to classify or regress is told that a
label raster goes in as a DataArray, naming its readers; following that fix (the real eo-learn LULC GeoTIFF, nodata
0) gives its classes {1, 2, 3, 4, 8}. Was: LabelError 'cannot read ... as a vector file or table (DataSourceError:
... not recognized as being in a supported file format ...): pass a GeoJSON, GeoPackage, shapefile or GeoParquet
file', the fix of another kind of file."""
import re

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import LabelError
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")
rioxarray = pytest.importorskip("rioxarray")


def _lulc(shared_data):
    lulc = np.load(shared_data / "eolearn_patch" / "mask_timeless" / "LULC.npy")[:, :, 0]
    ny, nx = lulc.shape   # footprint from bbox.geojson: x 465181.., y ..5080255, 10 m, EPSG:32633
    x, y = 465181 + 5 + 10.0 * np.arange(nx), 5080255 - 5 - 10.0 * np.arange(ny)
    return lulc, x, y


def test_a_label_geotiff_path_names_its_reader_and_the_fix_gives_the_classes(shared_data, tmp_path):
    lulc, x, y = _lulc(shared_data)
    path = tmp_path / "lulc.tif"
    with rasterio.open(path, "w", driver="GTiff", width=len(x), height=len(y), count=1, dtype="uint16",
                       crs="EPSG:32633", transform=rasterio.transform.from_origin(465181, 5080255, 10, 10),
                       nodata=0) as f:
        f.write(lulc[None])
    emb = embedding_from_array(random_unit((len(y), len(x)), seed=2), coords={"y": y, "x": x}, crs="EPSG:32633")
    for fn in (lambda p: emb.aef.classify(p, k=1), lambda p: emb.aef.regress(p)):
        for p in (str(path), path):
            with pytest.raises(LabelError, match=r"is a raster file \(\.tif\).*DataArray") as err:
                fn(p)
            assert "GeoJSON, GeoPackage" not in str(err.value)
            assert "rioxarray.open_rasterio(path)" in str(err.value)
    labels = rioxarray.open_rasterio(path)   # the fix, as named
    classes = emb.aef.classify(labels, k=1)["class"].values
    assert set(np.unique(classes).tolist()) == {1, 2, 3, 4, 8}


@pytest.mark.parametrize("suffix", [".nc", ".zarr"])
def test_netcdf_and_zarr_label_paths_name_xarray(tmp_path, suffix):
    emb = embedding_from_array(random_unit((6, 5), seed=1))
    lab = xr.DataArray(np.arange(30).reshape(6, 5) % 3, dims=("y", "x"), coords={"y": emb.y, "x": emb.x})
    path = tmp_path / f"lab{suffix}"
    lab.to_netcdf(path) if suffix == ".nc" else lab.to_dataset(name="lab").to_zarr(path)
    with pytest.raises(LabelError, match=re.escape("xr.open_dataarray(path)")):
        emb.aef.classify(str(path), k=1)
