"Negative class ids other than -1 (-2 on a raster) are unlabelled with a LabelWarning naming the values, their pixels and the fix; -1 and declared fills stay silent."
import warnings
import numpy as np, pytest, xarray as xr
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.labels import labelled_cells

def _r(v, **attrs): return xr.DataArray(np.array(v), dims=("y", "x"), attrs=attrs)

@pytest.mark.parametrize("v", [[[0, 1, -2], [-2, -3, 1]], [["0", "1", "-2"], ["-2", "-3", "1"]]])
def test_odd_negatives_warn(v):
    with pytest.warns(LabelWarning, match=r"negative classes other than -1: -3 \(1 pixel\), -2 \(2 pixels\).*remap"):
        keep = labelled_cells(_r(v))
    assert keep.tolist() == [[True, True, False], [False, False, True]]

def test_minus_one_and_declared_fill_silent():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert labelled_cells(_r([[0, -1], [1, -1]])).tolist() == [[True, False], [True, False]]
        assert labelled_cells(_r([[0, -2], [1, -1]], _FillValue=-2)).tolist() == [[True, False], [True, False]]
        assert labelled_cells(_r([[0, -2], [1, 2]]), nodata=-2).sum() == 3
        assert labelled_cells(_r([[0, -2], [1, 2]]), positive=False).sum() == 4
