"""One lon/lat grid across the antimeridian written in two forms (xee's 180+ and the -180 form) is one grid for
`check_same_grid`, `change` and `points_at`; an x axis wrapped at 180 by a reader is named as such, with the fix."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import change, similarity
from alphaearth_nb.core import GridError
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.geo import axis_span, check_same_grid, north_up
from alphaearth_nb.testing import embedding_from_array

LAT = 10.0 + np.array([0.00075, 0.00025, -0.00025, -0.00075])
X180 = np.array([179.99925, 179.99975, 180.00025, 180.00075])      # xee's form
XNEG = X180 - 360                                                   # the same columns, -180 form
XWRAP = np.array([179.99925, 179.99975, -179.99975, -179.99925])   # a reader that normalised to -180..180


def onehot():
    "4 x 4 pixels, pixel (r, c) the unit vector along band 4r + c: every pixel orthogonal to every other."
    v = np.zeros((4, 4, 64), np.float32)
    for r in range(4):
        for c in range(4): v[r, c, 4 * r + c] = 1.0
    return v


def emb(xs, v=None, crs="EPSG:4326"):
    return embedding_from_array(onehot() if v is None else v, coords={"y": LAT, "x": xs}, crs=crs)


@pytest.mark.parametrize("xs", [XNEG, XWRAP])
def test_same_grid_modulo_360_on_lon_lat(xs):
    check_same_grid(emb(X180), emb(xs))       # was GridError "x coordinates differ, by up to 360"
    check_same_grid(emb(xs), emb(X180))
    with pytest.raises(GridError, match="differ, by up to 0.0005"):  # one column east is another grid still
        check_same_grid(emb(X180), emb(XNEG + 0.0005))


def test_metres_are_not_a_circle():
    # a projected grid 360 m away is another place: modulo 360 is for longitude only
    xs = 500005.0 + 10 * np.arange(4)
    a = embedding_from_array(onehot(), coords={"y": 4e6 + 10 * np.arange(4)[::-1], "x": xs})
    b = embedding_from_array(onehot(), coords={"y": a.y.values, "x": xs - 360})
    with pytest.raises(GridError, match="by up to 360"):
        check_same_grid(a, b)


@pytest.mark.parametrize("xs", [XNEG, XWRAP])
def test_change_across_forms(xs):
    # b = a with pixel (1, 2) (the column east of 180) replaced by pixel (0, 0)'s vector: 1 - e1.e2 = 1 there, 0 elsewhere
    v = onehot(); w = v.copy(); w[1, 2] = v[0, 0]
    out = change(emb(X180, v), emb(xs, w))
    want = np.zeros((4, 4)); want[1, 2] = 1.0
    np.testing.assert_allclose(out.values, want, atol=1e-6)
    np.testing.assert_array_equal(out.x.values, X180)          # the first grid's labels


def test_change_wrapped_first_keeps_its_labels():
    v = onehot(); w = v.copy(); w[3, 1] = v[0, 0]
    out = change(emb(XWRAP, v), emb(X180, w))   # was: the wrapped axis read as descending, b reversed, GridError
    want = np.zeros((4, 4)); want[3, 1] = 1.0
    np.testing.assert_allclose(out.values, want, atol=1e-6)
    np.testing.assert_array_equal(out.x.values, XWRAP)


def test_points_at_labels_in_the_other_form():
    # labels in -180 form: columns 0, 1 labelled 1, 2; columns 2, 3 unlabelled (-1)
    lab = xr.DataArray(np.array([[1, 2, -1, -1]] * 4), dims=("y", "x"), coords={"y": LAT, "x": XNEG},
                       attrs={"crs": "EPSG:4326"})
    X, y = points_at(emb(X180), lab)
    assert y.tolist() == [1, 2] * 4
    # row r, column c has its one 1 at band 4r + c
    assert np.argmax(X, 1).tolist() == [4 * r + c for r in range(4) for c in (0, 1)]


def test_wrapped_axis_is_one_span_not_to_sort():
    e = emb(XWRAP)
    np.testing.assert_allclose(axis_span(e), X180, atol=1e-9)
    np.testing.assert_array_equal(north_up(e).x.values, XWRAP)   # west to east already: not turned
    np.testing.assert_array_equal(axis_span(embedding_from_array(onehot())), embedding_from_array(onehot()).x.values)
    with pytest.raises(GridError, match=r"wraps at the antimeridian: it jumps from 179.99975 to -179.99975 between "
                                        r"columns 1 and 2.*x % 360") as ei:
        similarity(e, (-179.99975, LAT[1]))
    assert "sortby" not in str(ei.value)
    fixed = e.assign_coords(x=e.x % 360)                          # the fix the message gives works
    s = similarity(fixed, (-179.99975, LAT[1])).values
    assert np.unravel_index(np.nanargmax(s), s.shape) == (1, 2)


def test_wrap_at_zero_of_a_0_360_axis_gets_the_other_fix():
    e = emb(np.array([359.9995, 359.9998, 0.0001, 0.0004]))
    with pytest.raises(GridError, match=r"\(obj.x \+ 180\) % 360 - 180"):
        similarity(e, (0.0001, LAT[1]))
