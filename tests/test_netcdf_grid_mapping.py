"""A GDAL netCDF keeps its GeoTransform on the grid-mapping variable its data variables name by the CF attribute
`grid_mapping` ('transverse_mercator', 'crs', ...), not on `spatial_ref`; xarray opens that variable as a data
variable beside the bands (decode_coords=True, the default) or, with decode_coords='all', as a coordinate, moving
the attribute to `encoding['grid_mapping']`. `grids.geotransform` follows the attribute (CF 1.x, CF 1.7's
'name: x y' form too), so a rotated netCDF is refused and a strip one pixel wide keeps its size. Was: None (only
`spatial_ref` was read), so a rotated grid was taken as north-up on x/y GDAL writes unrotated, and a one-column
strip of 10 x 20 m pixels was told 20 m wide (the other axis)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import grids
from alphaearth_nb.core import GridError
from alphaearth_nb.embeddings import as_embedding, refuse_rotation
from alphaearth_nb.testing import random_unit

X0, Y0, A, E = 500000.0, 5000000.0, 10.0, -20.0     # 10 m wide, 20 m high pixels
H, W, NB = 3, 4, 64
DATA = np.ascontiguousarray(random_unit((H, W), seed=0).transpose(2, 0, 1), np.float32)   # band, row (north first), col


def _rasterio_nc(tmp_path, b, d, bottomup):
    rasterio = pytest.importorskip("rasterio")
    import rasterio.shutil
    from rasterio.env import Env
    from rasterio.transform import Affine
    with Env() as env:
        if "netCDF" not in env.drivers(): pytest.skip("GDAL without its netCDF driver")
    tif, nc = tmp_path / "m.tif", tmp_path / f"m{bottomup}.nc"
    with rasterio.open(tif, "w", driver="GTiff", width=W, height=H, count=NB, dtype="float32", crs="EPSG:32633",
                       transform=Affine(A, b, X0, d, E, Y0)) as f:
        f.write(DATA)
    rasterio.shutil.copy(tif, nc, driver="netCDF", WRITE_BOTTOMUP=bottomup)
    return nc


def _by_hand(b, d, name="crs", extended=False):
    "GDAL's layout: Band1..Band64 on (y, x), a 0-d grid mapping holding GeoTransform, named by `grid_mapping`."
    x = X0 + A * (np.arange(W) + 0.5); y = Y0 + E * (np.arange(H) + 0.5)
    gm = f"{name}: x y" if extended else name
    bands = {f"Band{i + 1}": (("y", "x"), DATA[i], {"grid_mapping": gm}) for i in range(NB)}
    gt = " ".join(str(v) for v in (X0, A, b, Y0, d, E))
    return xr.Dataset({**bands, name: ((), np.int8(0), {"grid_mapping_name": "transverse_mercator",
                                                         "GeoTransform": gt})}, coords={"x": x, "y": y})


def layouts(tmp_path, b=0.0, d=0.0):
    "Every form the grid mapping arrives in: decode_coords True / 'all', GDAL's own file both ways, by hand."
    out = []
    for bu in ("YES", "NO"):
        nc = _rasterio_nc(tmp_path, b, d, bu)
        out += [xr.open_dataset(nc), xr.open_dataset(nc, decode_coords="all")]
    hand = _by_hand(b, d)
    out += [hand, _by_hand(b, d, "transverse_mercator", extended=True), hand.set_coords("crs")]
    return out


def test_the_geotransform_is_read_from_the_grid_mapping_named(tmp_path):
    for ds in layouts(tmp_path):
        assert grids.geotransform(ds) == (X0, A, 0.0, Y0, 0.0, E)
        if any(k in ds.coords for k in ("crs", "transverse_mercator")):
            assert grids.geotransform(ds["Band1"]) == (X0, A, 0.0, Y0, 0.0, E)   # the variable carries it along


def test_a_rotated_netcdf_is_refused(tmp_path):
    for ds in layouts(tmp_path, b=1.0, d=1.0):
        with pytest.raises(GridError, match="rotated grid"): refuse_rotation(ds)
        with pytest.raises(GridError, match="rotated grid"): as_embedding(ds)   # was: read as north-up


def test_a_one_column_strip_keeps_its_width(tmp_path):
    for ds in layouts(tmp_path):
        assert grids.pixel_size(ds.isel(x=[2])) == (abs(A), abs(E))   # was (20, 20): the other axis's


def test_a_north_up_netcdf_is_read_as_before(tmp_path):
    "Not rotated: as_embedding reads it, pixel centres at the corner + half a step, each pixel's bands in place."
    for ds in layouts(tmp_path):
        emb = as_embedding(ds).sortby("y", ascending=False)   # WRITE_BOTTOMUP=YES: rows kept south-first
        np.testing.assert_array_equal(emb.values, DATA.transpose(1, 2, 0))
        np.testing.assert_allclose(emb.x.values, X0 + A * (np.arange(W) + 0.5))
        np.testing.assert_allclose(emb.y.values, Y0 + E * (np.arange(H) + 0.5))
