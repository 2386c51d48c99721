"""`spatial` (02b, 597 lines against the 600-line cap) split by job into `dims` (which dims are x and y), `nodata`
(declared fills, the CF valid range and packing), `crs` (the CRS read and compared by meaning) and `grids` (pixel-centre
grids, the geotransform and `spatial_ref`, pixel sizes, longitudes across 180, north-up rows, `centred`, `write_crs`),
each at floor 02b; `spatial` keeps the optional-dependency probe and laziness and re-exports every name, as `geo`
does, so `spatial.crs_of`, `geo.crs_of` and `aef.spatial.pixel_size` are the same objects as before."""
import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb import geo, spatial
from alphaearth_nb.core import DTypeError

PARTS = {"dims": ("X_NAMES", "Y_NAMES", "GRID_WANTED", "COORDS_WANTED", "GEOMS_WANTED", "rename_spatial", "spatial_dim", "years_dim"),
         "nodata": ("NODATA_KEYS", "VALID_KEYS", "declared_nodata", "packing", "declared_valid_range", "outside_valid", "kept_where",
                    "unpacked"),
         "crs": ("as_crs", "crs_at", "crs_label", "crs_name", "crs_typed", "CF_LON_UNITS", "CF_LAT_UNITS", "crs_of", "is_geographic", "horizontal_crs",
                 "same_crs"),
         "grids": ("grid_coords", "half_pixel", "grid_mapping", "geotransform", "geotransform_steps", "stored_rounding",
                   "axis_step", "pixel_size", "coords_geotransform", "MAX_LON_STEP", "axis_span", "WRAP_ATOL",
                   "wrapped_like", "axes_to_turn", "circle_start", "north_up", "flip_rows", "centred", "corner_centres",
                   "write_crs",
                   "MAX_PIXELS", "check_grid_size")}
STAYED = ("require", "is_lazy", "MODEL_LAYER", "runs_model")


@pytest.mark.parametrize("part", sorted(PARTS))
def test_spatial_reexports_every_name_of_its_parts(part):
    mod = getattr(aef, part)
    assert sorted(mod.__all__) == sorted(PARTS[part])
    for n in PARTS[part]:
        assert getattr(spatial, n) is getattr(mod, n), n
        assert n in spatial.__all__, n
        if n in geo.__all__: assert getattr(geo, n) is getattr(mod, n), n


def test_what_stayed_in_spatial_is_defined_there():
    for n in STAYED:
        assert n in spatial.__all__ and getattr(getattr(spatial, n), "__module__", spatial.__name__) == spatial.__name__


def test_moved_functions_work_through_spatial():
    m = xr.DataArray(np.zeros((2, 3)), dims=("Latitude", "Longitude"),
                     coords={"Latitude": [0.5, -0.5], "Longitude": [10.0, 11.0, 12.0]})
    r = spatial.rename_spatial(m)
    assert r.dims == ("y", "x") and spatial.spatial_dim(m, spatial.X_NAMES) == "Longitude"
    w = spatial.write_crs(r, "EPSG:4326")
    assert spatial.crs_of(w) == "EPSG:4326" and spatial.pixel_size(w) == (1.0, 1.0)
    assert spatial.same_crs(w, "OGC:CRS84") and not spatial.same_crs(w, "EPSG:32631")


def test_spatial_dim_refuses_a_path_as_every_door_of_a_map():
    with pytest.raises(DTypeError, match="got the path 'a.zarr': load it first"):
        spatial.spatial_dim("a.zarr", spatial.X_NAMES)
