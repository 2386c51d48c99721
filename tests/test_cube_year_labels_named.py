"Kind G: a cube's year whose labels fail is named in the error, with the fix of leaving it out."
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.core import LabelError, band_names
from alphaearth_nb.testing import random_unit


def _cube():
    maps = [random_unit((6, 7), seed=s) for s in range(3)]
    return xr.DataArray(np.stack(maps), dims=("time", "y", "x", "band"),
                        coords={"time": pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"]),
                                "y": np.arange(6)[::-1] * 10.0 + 5_000_005, "x": np.arange(7) * 10.0 + 500_005,
                                "band": band_names()}, attrs={"crs": "EPSG:32631"})


@pytest.mark.parametrize("fit", [classify, regress])
def test_a_year_without_labels_in_a_per_year_raster_is_named(fit):
    """A label raster (time, y, x) for a 3-year cube whose 2023 layer is all NaN (that year not labelled yet):
    classify raised 'no labelled pixel found: mark unlabelled pixels with NaN, -1 or the raster's declared nodata
    and label at least one per class', naming no year, though every unlabelled pixel was NaN already. Right: the
    error names time 2023-01-01 and how to leave the year out; the years labelled, selected, are classified."""
    cube = _cube()
    lab = xr.DataArray(np.full((3, 6, 7), np.nan), dims=("time", "y", "x"),
                       coords={"time": cube.time, "y": cube.y, "x": cube.x})
    for r, c, v in ((1, 1, 1), (2, 3, 2), (4, 5, 1), (5, 2, 2)): lab[:, r, c] = v
    lab[1] = np.nan
    with pytest.raises(LabelError, match=r"time 2023-01-01: no labelled pixel found.*cube.isel\(time=\[\.\.\.\]\)"):
        fit(cube, lab, k=1)
    keep = [0, 2]
    out = classify(cube.isel(time=keep), lab.isel(time=keep), k=1)["class"]
    assert out.values[:, 1, 1].tolist() == [1, 1]
