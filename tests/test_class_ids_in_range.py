"A categorical source's values are its class ids, whole numbers 0..n-1 (or its no-data value): other codes, 1-based ids and fractions are refused, naming the form and its fix (units.check_units, field case F)."
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError
from alphaearth_nb.sources import LANDCOVER_CLASSES
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source

N = len(LANDCOVER_CLASSES)   # 8: ids 0..7, 255 no data


@pytest.mark.parametrize("fn,looks", [
    (lambda v: (v + 1) * 10, r"another scheme's codes.*\.where\("),              # ESA WorldCover's 10, 20, ... 80
    (lambda v: xr.where(v == 7, N, v), r"another scheme's codes.*\.where\("),   # a 9th class (Dynamic World's 8)
    (lambda v: v + 1, r"counted from 1.*- 1"),                                         # ids 1..8
    (lambda v: v / 10, r"not whole.*nearest"),                                  # averaged by a resampling
])
def test_class_ids_outside_0_to_n_are_refused(crop, fn, looks):
    lc = crop["landcover"].to_dataset()
    bad = lc.assign({"class": fn(lc["class"]).where(lc["class"] != 255, 255)})
    with pytest.raises(UnitsError, match=rf"landcover\.class holds class ids 0\.\.{N - 1} .*{looks}"):
        validate_stack(with_source(crop, "landcover", bad))   # was: passed, those pixels silently no data


def test_class_ids_and_no_data_pass(crop):
    lc = crop["landcover"].to_dataset()
    ids = lc["class"].values
    assert np.isin(ids[np.isfinite(ids)], list(range(N)) + [255]).all()
    validate_stack(with_source(crop, "landcover", lc.assign({"class": lc["class"].where(lc["class"] != 0, 255)})))
