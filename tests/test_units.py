"Plausible but wrong units (alphaearth_nb.sources.check_units, sample_values): field cases F1, F4 and other slips."
import dask.array as da
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError
from alphaearth_nb.sources import check_units, sample_values

RNG = np.random.default_rng(0)
REFL = RNG.uniform(200, 4000, 5000)          # reflectance x 1e4
DB = RNG.normal(-12, 3, 5000).clip(-30, 10)  # backscatter in dB
KELVIN = RNG.normal(285, 10, 5000)


@pytest.mark.parametrize("source,band", [("sentinel2", "B2"), ("sentinel2", "B12"), ("landsat", "B5"),
                                         ("sentinel2_l1c", "B8")])
def test_reflectance_in_0_1_is_refused_naming_the_scale(source, band):  # F1
    with pytest.raises(UnitsError, match=r"reflectance in 0\.\.1.*1e4"): check_units(source, band, REFL / 1e4)
    check_units(source, band, REFL)


def test_the_suggested_fix_works():  # G3: each message's fix, run
    for src, band, wrong, fix in [("sentinel2", "B4", REFL / 1e4, lambda v: v * 1e4),
                                  ("sentinel1", "VH", 10 ** (DB / 10), lambda v: 10 * np.log10(v)),
                                  ("era5", "temperature_2m", KELVIN - 273.15, lambda v: v + 273.15),
                                  ("sentinel1", "angle", np.degrees(RNG.uniform(0.5, 0.8, 500)), np.deg2rad),
                                  ("ndvi", "NDVI", RNG.uniform(-0.2, 0.9, 500) * 1e4, lambda v: v / 10000)]:
        with pytest.raises(UnitsError): check_units(src, band, wrong)
        check_units(src, band, fix(wrong))


@pytest.mark.parametrize("source,band,values,looks", [
    ("sentinel1", "VV", 10 ** (DB / 10), "linear backscatter"),
    ("era5", "temperature_2m", KELVIN - 273.15, "Celsius"),
    ("landsat_toa", "B10", KELVIN - 273.15, "Celsius"),
    ("era5", "total_precipitation", RNG.gamma(2, 40, 500), "millimetres"),
])
def test_other_unit_slips(source, band, values, looks):
    with pytest.raises(UnitsError, match=looks): check_units(source, band, values)


def test_right_units_with_gaps_and_fill_pass():
    v = REFL.copy(); v[::3] = np.nan; v[::7] = 0  # Sentinel-2's 0 is its nodata fill
    check_units("sentinel2", "B8", v)
    check_units("sentinel1", "VV", np.r_[DB, [np.nan] * 100])
    check_units("sentinel2", "B2", np.full(8, 0.1))  # too few values to judge: no verdict
    check_units("dem", "elevation", RNG.uniform(0, 3, 100))  # a flat coastal DEM in metres is fine


def test_lazy_values_are_sampled_from_a_few_chunks():  # F4
    computed = []
    def block(x, block_info=None):
        computed.append(block_info[0]["chunk-location"]); return x
    arr = da.from_array(np.ones((64, 64)), chunks=8).map_blocks(block, dtype=float)
    s = sample_values(xr.DataArray(arr, dims=("y", "x")), max_chunks=5)
    assert s.size == 5 * 64 and len(computed) == 5  # 5 of 64 chunks computed, nothing more
    with pytest.raises(UnitsError):
        check_units("sentinel2", "B3", sample_values(xr.DataArray(da.from_array(REFL.reshape(50, 100) / 1e4, chunks=10))))
