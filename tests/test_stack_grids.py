"A stack's y/x axes are a regular grid, or refused with the fix: kind F (an irregular grid embedded as a regular one)."
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import GridError
from alphaearth_nb.stacks import toy_stack, validate_stack


@pytest.fixture(scope="module")
def s2():
    return toy_stack(size=16)["sentinel2"].to_dataset()


def _run(code, ds):
    ns = {"ds": ds, "np": np}; exec(code, ns); return ns["ds"]


@pytest.mark.parametrize("lazy", [False, True])
@pytest.mark.parametrize("how,match", [
    (lambda ds: ds.isel(x=[i for i in range(16) if i != 7]), "not evenly spaced"),            # a column missing
    (lambda ds: ds.isel(x=np.random.default_rng(0).permutation(16)), r"sortby\('x'\)"),        # shuffled
    (lambda ds: ds.assign_coords(x=np.r_[ds.x.values[:8], ds.x.values[7:15]]), "drop_duplicates"),  # a duplicate
    (lambda ds: ds.assign_coords(y=np.r_[ds.y.values[:15], np.nan]), "NaN"),
    # two tiles joined with their overlap: drop_duplicates alone is the fix (was: sortby first, then drop_duplicates)
    (lambda ds: xr.concat([ds.isel(x=slice(0, 6)), ds.isel(x=slice(4, 10))], "x", data_vars="minimal"),
     r"`ds = ds\.drop_duplicates\('x'\)`"),
])
def test_an_irregular_axis_is_refused_naming_the_fix(s2, how, match, lazy):
    # was: embedded as if the pixels were evenly spaced, in order (a shuffled x embedded a scrambled image)
    bad = how(s2)
    bad = bad.chunk({"time": 2}) if lazy else bad
    with pytest.raises(GridError, match=match) as e: validate_stack(bad)
    if "`ds = " in str(e.value):   # the fix the message gives, run: the stack then passes
        validate_stack(_run(str(e.value).split("`ds = ")[1].split("`")[0].join(["ds = ", ""]), bad))


def test_regular_axes_pass_in_either_direction_and_at_any_step(s2):
    validate_stack(s2); validate_stack(s2.isel(y=slice(None, None, -1))); validate_stack(s2.isel(x=slice(None, None, 3)))
    validate_stack(s2.isel(x=[0]))   # one column: no spacing to judge
    jitter = s2.assign_coords(x=s2.x.values + np.r_[0, 1e-7, -1e-7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    validate_stack(jitter)   # float noise in written coordinates is no gap


def test_float32_coordinates_are_regular(s2):
    # a netCDF with float32 x/y (degrees at 0.0001, or metres at pixel centres x.5): rounding is no gap
    lon = (12.34565 + 1e-4 * np.arange(16)).astype(np.float32)
    lat = (45.67895 - 1e-4 * np.arange(16)).astype(np.float32)
    validate_stack(s2.assign_coords(x=lon, y=lat).assign_attrs(crs="EPSG:4326"))
    validate_stack(s2.assign_coords(x=(s2.x.values + 5_600_000.5).astype(np.float32)))
    with pytest.raises(GridError, match="not evenly spaced"):   # a missing column is still one
        validate_stack(s2.assign_coords(x=lon, y=lat).assign_attrs(crs="EPSG:4326").isel(x=[i for i in range(16) if i != 9]))
