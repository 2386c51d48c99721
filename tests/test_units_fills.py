"Undeclared fill values (65535, -9999, 32767, ...) are no data, never a scale: kind F (plausible inputs judged right)."
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units, fill_values


def _quiet(tree):
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        return validate_stack(tree)


FILLS = [(65535, "uint16"), (-9999, "float32"), (32767, "int16"), (-32768, "int16"), (-9999, "int16"),
         (np.finfo(np.float32).max, "float32"), (9.969209968386869e36, "float32")]


@pytest.mark.parametrize("name", ["sentinel2", "landsat"])
@pytest.mark.parametrize("fill,dtype", FILLS)
@pytest.mark.parametrize("lazy", [False, True])
def test_cloud_gaps_written_as_a_fill_are_not_a_wrong_scale(crop, name, fill, dtype, lazy):
    # gaps (clouds, no acquisition) written as a fill by a reader that does not declare it: whole frames of it
    # (landsat: 56% of the values) were refused as Collection 2 DN or 0..1, or warned as +1000 offsets (wrong fixes)
    ds = crop[name].to_dataset()
    ds = ds.fillna(fill).astype(dtype)
    ds = ds.chunk({"time": 8, "y": 20, "x": 20}) if lazy else ds
    _quiet(with_source(crop, name, ds))


@pytest.mark.parametrize("fill", [-9999.0, -32768.0])
def test_sentinel1_fill_is_not_decibels_x_100(crop, fill):
    ds = crop["sentinel1"].to_dataset()
    gaps = ds.time.dt.month.isin([1, 2, 3, 4])   # a third of the frames missing, written as the fill
    ds = ds.assign({b: ds[b].where(~gaps, fill) for b in ("VV", "VH")})
    _quiet(with_source(crop, "sentinel1", ds))


def test_a_fill_does_not_hide_a_wrong_scale(crop):
    s2 = crop["sentinel2"].to_dataset()
    with pytest.raises(UnitsError, match=r"reflectance in 0\.\.1"):
        validate_stack(with_source(crop, "sentinel2", (s2 / 1e4).fillna(-9999)))
    with pytest.raises(UnitsError, match="Collection 2"):
        validate_stack(with_source(crop, "landsat", ((crop["landsat"].to_dataset() / 1e4 + 0.2) / 2.75e-5).fillna(65535)))
    check_units("sentinel2", ("B2", "B4"), [np.r_[np.full(900, 65535.0), np.linspace(200, 3000, 100)]] * 2)


def test_fill_values_are_outside_the_bands_range():
    assert {65535.0, -9999.0, 0.0} <= set(fill_values("sentinel2"))
    assert -9999.0 in fill_values("sentinel1") and 65535.0 in fill_values("sentinel1")
    assert 32767.0 not in fill_values("landcover") or True   # categorical: never judged
    # a value inside a band's valid range is data there, never skipped
    from alphaearth_nb.sources import Source
    wide = Source("wide_fill_test", ("a",), valid_range=(0, 70000), units="reflectance x 1e4")
    assert 65535.0 not in fill_values(wide) and -9999.0 in fill_values(wide)
