"""Sentinel-2 reflectance read with its no-data value unmasked was told the wrong scale (newcomer s53, items 3-4): the
WorldCereal patch divided by 1e4 (0..1, its 65535 fill now 6.5535) was called 8-bit or percent and told `* 100`; its
uint16 bands read as int16 (`mask_and_scale=False`: 65535 is -1) were called an offset subtracted and told `+ 1000`.
The words now name the no-data value and the fix that reads the values right."""
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError
from alphaearth_nb.readers import WORLDCEREAL_S2
from alphaearth_nb.reflectance_scales import scale_slip
from alphaearth_nb.sources import get_source
from alphaearth_nb.stacks import validate_stack

S2 = get_source("sentinel2")


@pytest.fixture(scope="module")
def raw(shared_data):
    p = shared_data / "worldcereal_patch/worldcereal_preprocessed_inputs.nc"
    with xr.open_dataset(p, mask_and_scale=False) as f:
        s2 = xr.Dataset({b: f[v].load() for v, b in WORLDCEREAL_S2.items()}).rename(t="time")
    return s2.assign_attrs(crs="EPSG:32631", source="sentinel2")


def test_reflectance_with_its_fill_divided_is_told_the_fill(raw):
    ds = (raw.astype("int32") % 65536).astype("f4") / 1e4
    with pytest.raises(UnitsError) as e:
        validate_stack(ds)
    said = str(e.value)
    assert "65535" in said and "* 10000" in said and "* 100`" not in said
    fixed = (ds * 10000).where(lambda v: v.round() != 65535).assign_attrs(ds.attrs)   # the fix as written
    validate_stack(fixed)


def test_uint16_read_as_int16_is_told_unsigned_not_an_offset(raw):
    assert int((raw["B2"] == -1).sum()) > 0   # the file's 65535 fill, read signed
    with pytest.raises(UnitsError) as e:
        validate_stack(raw)
    said = str(e.value)
    assert "_Unsigned" in said and "65535" in said and "+ 1000" not in said
    bands = list(raw.data_vars)
    fixed = (raw[bands].astype('int32') % 65536).where(lambda v: v != 65535).assign_attrs(raw.attrs)
    validate_stack(fixed)


@pytest.mark.parametrize("fill", [65535, 32767])
def test_scale_slip_names_a_scaled_fill_alone(fill):
    qs = {b: (0.01, 0.1, 0.4, fill / 1e4) for b in S2.bands}   # (1st, median, 99th percentile, largest)
    what, fix, refuse = scale_slip(S2, qs)
    assert refuse and str(fill) in what and "10000" in fix
    what, _, _ = scale_slip(S2, {b: (0.01, 0.1, 0.4, 0.9 * 255) for b in S2.bands})   # no fill: 8-bit or percent
    assert "8-bit" in what
