"""Mends of session 27's review (session 28): one reading of a grid from coordinates (`spatial.coords_geotransform`),
one builder of the `spatial_ref` coordinate (`spatial.grid_mapping`, `write_crs` too), one test of a zarr store
(`files.is_zarr_store`, the corpus stream too). Each test would catch the copies drifting apart again."""
import ast
from pathlib import Path

import numpy as np
import xarray as xr

from alphaearth_nb import geo, spatial
from alphaearth_nb.testing import embedding_from_array, random_unit

PKG = Path(spatial.__file__).parent


def _float32_lonlat(n=40):
    "A lon/lat map at longitude 100, 10 m pixels, coordinates stored as float32, its reader's GeoTransform kept."
    step = 10 / 111_320 / np.cos(np.radians(30))
    x, y = (100 + step * np.arange(n)).astype("float32"), (30 - step * np.arange(8)).astype("float32")
    emb = geo.write_crs(xr.DataArray(random_unit((8, n)), dims=("y", "x", "band"), coords={"y": y, "x": x}), "EPSG:4326")
    gt = (100 - step / 2, step, 0.0, 30 + step / 2, 0.0, -step)
    return emb.assign_coords(spatial_ref=spatial.grid_mapping(gt, dict(emb.spatial_ref.attrs))), step


def test_a_rewritten_geotransform_steps_by_axis_step():
    """`write_crs` rewrites a reader's GeoTransform the coordinates no longer fit (a strided `isel`) by
    `coords_geotransform`, whose steps are `axis_step`'s: float32 coordinates end to end. Was: the first step
    (`c[1] - c[0]`): every other pixel at longitude 100 on a 10 m grid, 0.7% off (now 0.07%), beside `pixel_size`'s end-to-end step."""
    emb, step = _float32_lonlat()
    every2 = emb.isel(x=slice(None, None, 2))
    gt = geo.geotransform(geo.write_crs(every2, "EPSG:4326"))
    assert gt[1] == geo.axis_step(every2, "x") == geo.pixel_size(every2)[0]
    assert abs(gt[1] / (2 * step) - 1) < 1e-3 and abs(gt[5] / -step - 1) < 1e-3
    assert gt == spatial.coords_geotransform(every2, like=geo.geotransform(emb))
    e = embedding_from_array(random_unit((6, 5), seed=1))          # float64 metres: a slice keeps the reader's text
    e = e.assign_coords(spatial_ref=spatial.grid_mapping(spatial.coords_geotransform(e)))
    kept = geo.write_crs(e.isel(x=slice(1, 4)), "EPSG:32631")
    assert kept.spatial_ref.attrs["GeoTransform"] == e.spatial_ref.attrs["GeoTransform"]


def test_write_crs_and_to_rgba_build_their_grid_by_grid_mapping():
    "The spatial_ref of `write_crs` and of `maps.to_rgba` is `grid_mapping` of `coords_geotransform`'s grid."
    from alphaearth_nb.maps import to_rgba
    emb = embedding_from_array(random_unit((6, 5), seed=2))
    for m in (emb, emb.isel(y=[2]), emb.isel(x=[4]), emb.isel(y=slice(None, None, 2))):   # strips: one-pixel axes
        pic = to_rgba(m)
        want = spatial.grid_mapping(spatial.coords_geotransform(geo.north_up(m)))
        assert pic.spatial_ref.attrs == want.attrs, (pic.spatial_ref.attrs, want.attrs)
    w = geo.write_crs(emb.drop_vars("spatial_ref", errors="ignore"), "EPSG:32631")
    assert "GeoTransform" not in w.spatial_ref.attrs                       # no reader's grid: a CRS alone
    assert w.spatial_ref.attrs == spatial.grid_mapping(None, dict(w.spatial_ref.attrs)).attrs


def _calls_and_texts(path):
    tree = ast.parse(path.read_text())
    texts = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Call)], texts


def test_no_module_builds_its_own_spatial_ref_or_zarr_test():
    """Only `spatial.grid_mapping` (at home in `grids`, split from `spatial`) makes the 0-d `spatial_ref` variable
    (maps' `_grid_mapping` and `write_crs` each built one), only `zarr_files` (split from `files`, which re-exports its names) names a zarr store's metadata files
    (`stream` tested "zarr.json" itself)."""
    from alphaearth_nb.files import ZARR_FILES
    for p in sorted(PKG.glob("*.py")):
        if p.name.startswith("_"): continue
        calls, texts = _calls_and_texts(p)
        builds = [c for c in calls if c.startswith(("xr.Variable((), np.int64", "xarray.Variable((), np.int64"))]
        assert not builds or p.name == "grids.py", (p.name, builds)
        assert p.name == "zarr_files.py" or not set(texts) & set(ZARR_FILES), p.name
    assert not hasattr(__import__("alphaearth_nb.maps", fromlist=["x"]), "_grid_mapping")
    assert sum(c.startswith("xr.Variable((), np.int64") for c in _calls_and_texts(PKG / "grids.py")[0]) == 1

