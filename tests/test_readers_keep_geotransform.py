"""The package's own readers keep a map's geotransform, so a one-pixel or one-row selection of what they read still
knows its pixel size and can be written, placed and drawn (field-case kind B: georeferencing kept on the way out and
back in). `read_cog` and `open_zarr` dropped it: `to_cog(read_cog(p).isel(y=[2], x=[3]), q)` raised GridError 'one
pixel along x and nothing saying its size ... keep the reader's spatial_ref'; a `to_zarr` store read by
`xr.open_zarr` gave `geotransform` its GDAL-ordered attrs['transform'] as an affine (a rotated grid at x0 = 0)."""
import numpy as np, pytest, xarray as xr
pytest.importorskip("rasterio")
import rasterio
from alphaearth_nb.testing import random_unit, embedding_from_array
from alphaearth_nb.exports import to_cog, read_cog, to_zarr, open_zarr
from alphaearth_nb.geo import geotransform, pixel_size
from alphaearth_nb.embeddings import from_official

def _emb(x0=500_000.0, y0=4_000_000.0, step=10.0, crs="EPSG:32631", ny=6, nx=8):
    e = embedding_from_array(random_unit((ny, nx), seed=3))
    e = e.assign_coords(x=x0 + step * (np.arange(nx) + 0.5), y=y0 - step * (np.arange(ny) + 0.5))
    e.attrs["crs"] = crs
    return e

def _transform(p):
    with rasterio.open(p) as f: return tuple(f.transform)[:6]

@pytest.mark.parametrize("bottom_up", [False, True])
@pytest.mark.parametrize("dtype", ["int8", "float32"])
def test_read_cog_one_pixel_writes(tmp_path, bottom_up, dtype):
    e = _emb(); p = to_cog(e, tmp_path / "a.tif", dtype=dtype, bottom_up=bottom_up)
    r = read_cog(p)
    assert pixel_size(r.isel(y=[2], x=[3])) == (10.0, 10.0)
    q = to_cog(r.isel(y=[2], x=[3]), tmp_path / "one.tif", dtype=dtype)
    assert _transform(q) == pytest.approx((10, 0, 500_030, 0, -10, 3_999_980))
    np.testing.assert_allclose(read_cog(q).values[0, 0], r.values[2, 3], atol=1e-6)
    row = to_cog(r.isel(y=[4]), tmp_path / "row.tif", dtype=dtype)
    assert _transform(row) == pytest.approx((10, 0, 500_000, 0, -10, 3_999_960))

def test_read_cog_bottom_up_geotransform_fresh(tmp_path):
    "A bottom-up file read north-up carries a north-up geotransform (e < 0), so from_official does not flip it back."
    e = _emb(); p = to_cog(e, tmp_path / "b.tif", dtype="float32", bottom_up=True)
    r = read_cog(p)
    gt = geotransform(r)
    assert gt is not None and gt[5] == pytest.approx(-10) and gt[3] == pytest.approx(4_000_000)
    np.testing.assert_allclose(from_official(r).values, e.values, atol=1e-6)

@pytest.mark.parametrize("quantized", [True, False])
def test_open_zarr_one_pixel_writes(tmp_path, quantized):
    e = _emb(); s = to_zarr(e, tmp_path / "a.zarr", quantized=quantized)
    o = open_zarr(s)
    assert pixel_size(o.isel(y=[1], x=[5])) == (10.0, 10.0)
    q = to_cog(o.isel(y=[1], x=[5]), tmp_path / "one.tif", dtype="float32")
    assert _transform(q) == pytest.approx((10, 0, 500_050, 0, -10, 3_999_990))
    ds = xr.open_zarr(s)   # another tool reading the store: its grid mapping names the grid
    assert geotransform(ds) == pytest.approx((500_000, 10, 0, 4_000_000, 0, -10))

def test_open_zarr_lonlat_row_across_180(tmp_path):
    "A lon/lat row across 180 (wrapped as a reader writes it) read back keeps its size and place."
    e = _emb(x0=179.998, y0=10.0, step=0.0005, crs="EPSG:4326", ny=4, nx=8)
    e = e.assign_coords(x=(e.x.values + 180) % 360 - 180)
    o = open_zarr(to_zarr(e, tmp_path / "w.zarr", quantized=False))
    q = to_cog(o.isel(y=[2]), tmp_path / "row.tif", dtype="float32")
    t = _transform(q)
    assert t[0] == pytest.approx(0.0005) and t[4] == pytest.approx(-0.0005)
    assert t[2] == pytest.approx(179.998) and t[5] == pytest.approx(10.0 - 0.001)
