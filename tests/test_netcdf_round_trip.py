"""A map saved with `to_netcdf` reads back with `xr.open_dataarray` (newcomer, s49): `e24.to_netcdf("e24.nc");
xr.open_dataarray("e24.nc")` failed "more than one data variable": CF keeps a grid mapping out of a variable's
`coordinates`, so xarray read `spatial_ref` back as a data variable. `grids.write_crs` now names it in the variable's
`coordinates` encoding too: it returns as a coordinate, the CRS and the grid kept, and GDAL still reads both."""
import numpy as np
import pytest
import xarray as xr

pytest.importorskip("netCDF4"); pytest.importorskip("odc.geo"); pytest.importorskip("rioxarray")

import alphaearth_nb as aef  # noqa: E402
from alphaearth_nb import official as off  # noqa: E402
from alphaearth_nb.grids import geotransform  # noqa: E402

BBOX = (5.985, 44.9995, 5.9995, 45.0045)


@pytest.fixture(scope="module")
def e24(tmp_path_factory, shared_data):
    mirror = off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=2024, samples=shared_data / "aef_samples")
    return off.open(BBOX, 2024, source=mirror.root).isel(time=0).compute()


def _back(da, path):
    da.to_netcdf(path)
    with xr.open_dataarray(path) as got: return got.load()


def test_an_official_map_reads_back_with_open_dataarray(e24, tmp_path):
    got = _back(e24, tmp_path / "e24.nc")
    assert "spatial_ref" in got.coords and got.dims == e24.dims
    assert aef.geo.crs_of(got) == "EPSG:32631" and geotransform(got) == geotransform(e24)
    np.testing.assert_array_equal(got.values, e24.values)
    import rioxarray
    r = rioxarray.open_rasterio(tmp_path / "e24.nc")   # GDAL's netCDF: the same CRS and grid
    assert r.rio.crs.to_epsg() == 32631 and tuple(r.rio.transform())[:6] == tuple(e24.rio.transform())[:6]


@pytest.mark.parametrize("make", [lambda e: e.aef.similarity((5.99, 45.002), crs="EPSG:4326"),
                                  lambda e: e.aef.cluster(3, seed=0)["cluster"],
                                  lambda e: e.isel(y=slice(0, 7), x=slice(2, 9))])
def test_derived_maps_read_back_alike(e24, tmp_path, make):
    m = make(e24)
    got = _back(m, tmp_path / "m.nc")
    assert "spatial_ref" in got.coords and aef.geo.crs_of(got) == "EPSG:32631", got
    assert geotransform(got) == geotransform(m)
