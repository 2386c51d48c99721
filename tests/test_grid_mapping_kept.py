"""An embedding file whose grid mapping xarray leaves a variable (`xr.open_dataset`'s default decode_coords=True: GDAL's
netCDF `transverse_mercator`, a CF writer's `crs`) keeps it through `as_embedding` and `from_official`: as a
coordinate, named by the map, its GeoTransform also on `spatial_ref`. Was: dropped, so a one-row strip of 10 x 20 m
pixels took square 10 m pixels (a point 8 m below its row centre was off the map), and the map kept
attrs['grid_mapping'] beside the encoding's, so `to_netcdf` failed ('grid_mapping' already exists in attrs)."""
import numpy as np
import pyproj
import pytest
import xarray as xr

from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.geo import crs_of
from alphaearth_nb.grids import pixel_size
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import random_unit

X0, Y0, W, H = 500000.0, 5000000.0, 10.0, 20.0   # the strip's corner and its pixels: 10 m wide, 20 m tall
XS = X0 + W * (np.arange(5) + 0.5)                 # 5 pixel centres along the one row
YS = np.array([Y0 - H / 2])                        # the row's centre, 10 m below the corner


def _mapping(name):
    "A 0-d grid-mapping variable as GDAL's netCDF writes it: CF terms, the WKT and the geotransform."
    c = pyproj.CRS("EPSG:32631")
    return xr.DataArray(np.int32(0), name=name, attrs={**c.to_cf(), "spatial_ref": c.to_wkt(),
                                                       "GeoTransform": f"{X0} {W} 0 {Y0} 0 {-H} "})


def _file(tmp_path, form, name, codes=False):
    "A one-row strip written and opened with xarray's defaults: the grid mapping a data variable beside the bands."
    v = random_unit((1, 5), 3)
    v = quantize(v) if codes else v
    if form == "bands":   # GDAL's netCDF: Band1..Band64, their descriptions A00..A63 in long_name
        ds = xr.Dataset({f"Band{i + 1}": (("y", "x"), v[..., i], {"long_name": f"A{i:02d}", "grid_mapping": name})
                         for i in range(64)}, coords={"y": YS, "x": XS})
    elif form == "official":   # variables A00..A63 (xee's names)
        ds = xr.Dataset({f"A{i:02d}": (("y", "x"), v[..., i], {"grid_mapping": name}) for i in range(64)},
                        coords={"y": YS, "x": XS})
    else:   # one variable (y, x, band)
        ds = xr.Dataset({"embedding": (("y", "x", "band"), v, {"grid_mapping": name})},
                        coords={"y": YS, "x": XS, "band": [f"A{i:02d}" for i in range(64)]})
    ds[name] = _mapping(name)
    p = tmp_path / f"{form}_{name}.nc"
    ds.to_netcdf(p)
    opened = xr.open_dataset(p)   # decode_coords=True, xarray's default
    assert name in opened.data_vars and name not in opened.coords   # the grid mapping left a variable
    return opened, v


@pytest.mark.parametrize("form", ["bands", "official", "one"])
@pytest.mark.parametrize("name", ["transverse_mercator", "crs"])
def test_grid_mapping_kept(tmp_path, form, name):
    ds, v = _file(tmp_path, form, name)
    e = from_official(ds) if form == "official" else as_embedding(ds)
    assert name in e.coords and crs_of(e) == "EPSG:32631"
    assert pixel_size(e) == (W, H)   # the file's geotransform, not square pixels
    assert e.spatial_ref.attrs["GeoTransform"].split()[-1] in ("-20", "-20.0")   # written on spatial_ref too
    # a point 8 m below the row's centre lies in its 20 m tall pixels: the vector written at the third pixel
    s = e.aef.similarity((XS[2], YS[0] - 8.0))
    np.testing.assert_allclose(float(s.isel(y=0, x=2)), 1.0, atol=1e-5)
    e.to_netcdf(tmp_path / "out.nc")   # one grid_mapping (the encoding's): written, read back with its CRS
    assert crs_of(xr.open_dataset(tmp_path / "out.nc", decode_coords="all").embedding) == "EPSG:32631"


@pytest.mark.parametrize("form", ["bands", "one"])
def test_grid_mapping_kept_in_codes(tmp_path, form):
    "The int8 form (`dequantize=False`) keeps the grid mapping and its name: the strip's pixels are 10 x 20 m."
    ds, q = _file(tmp_path, form, "transverse_mercator", codes=True)
    e = as_embedding(ds, dequantize=False)
    assert e.dtype == np.int8 and "transverse_mercator" in e.coords
    assert pixel_size(e) == (W, H)
    np.testing.assert_array_equal(e.values, q)
