"""`evaluate.points_at` takes an embedding through the one gate (`as_embedding`): all-zero vectors, declared fills and
the int8 no-data code are no data, not training rows; a baseline (other band names) is taken as given."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.embeddings import quantize_embedding
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture
def e_lab():
    e = embedding_from_array(random_unit((3, 4), seed=0))
    lab = xr.DataArray(np.array([[1, 2, 1, 2]] * 3), dims=("y", "x"), coords={"y": e.y, "x": e.x})
    return e, lab


def test_zero_vector_and_declared_fill_are_no_data(e_lab):
    e, lab = e_lab
    f = e.copy()
    f[0, 0] = 0.0                     # an all-zero vector: no embedding has length 0
    f[2, 3] = -1.0                    # the declared fill
    X, y = points_at(f.assign_attrs(_FillValue=-1.0), lab)
    keep = np.ones((3, 4), bool); keep[0, 0] = keep[2, 3] = False
    np.testing.assert_allclose(X, e.values[keep], atol=1e-6)        # the 10 other pixels, in row-major order
    np.testing.assert_array_equal(y, lab.values[keep])
    np.testing.assert_allclose(np.linalg.norm(X, axis=1), 1.0, atol=1e-5)


def test_int8_no_data_code_is_dropped_and_codes_are_vectors(e_lab):
    e, lab = e_lab
    q = quantize_embedding(e)
    q[1, 2] = -128                    # the product's no-data code
    X, y = points_at(q, lab)
    assert len(X) == 11 and y.tolist() == [1, 2, 1, 2, 1, 2, 2, 1, 2, 1, 2]
    assert np.abs(X).max() <= 1.0 and np.allclose(np.linalg.norm(X, axis=1), 1.0, atol=0.03)  # not codes (~320)


def test_a_baseline_is_taken_as_given(e_lab):
    e, lab = e_lab
    # 64 wide but other band names (a baseline's features): zeros and -1 are values, no row dropped, nothing scaled
    b = xr.DataArray(np.zeros((3, 4, 64), np.float32), dims=("y", "x", "band"),
                     coords={"y": e.y, "x": e.x, "band": [f"f{i}" for i in range(64)]}, attrs={"_FillValue": -1.0})
    b[0, 1] = -1.0; b[1, 1] = 7.0
    X, y = points_at(b, lab)
    assert X.shape == (12, 64) and y.tolist() == lab.values.ravel().tolist()
    assert X[1].tolist() == [-1.0] * 64 and X[5].tolist() == [7.0] * 64 and not X[0].any()


def _dn(e, seed=0):
    "64 raw bands on `e`'s grid, unnamed: digital numbers 200..4000 (as a reader gives a 64-band stack)."
    v = np.random.default_rng(seed).integers(200, 4000, e.shape[:2] + (64,)).astype(np.float32)
    return xr.DataArray(v, dims=("y", "x", "band"), coords={"y": e.y, "x": e.x})


@pytest.mark.parametrize("form", ["dn", "bands 1..64", "band_N", "uint16", "reflectance"])
def test_a_64_band_raw_baseline_without_band_names_is_taken_as_given(e_lab, form):
    """64 DN bands (or reflectances, rows of length 0.5..0.8) without `band` names were taken for an embedding:
    DN rows refused as too long (no pixel left: LabelError), reflectance rows scaled to length 1."""
    e, lab = e_lab
    b = _dn(e)
    b = {"dn": b, "bands 1..64": b.assign_coords(band=np.arange(1, 65)), "uint16": b.astype(np.uint16),
         "band_N": b.assign_coords(band=[f"band_{i}" for i in range(1, 65)]),
         "reflectance": b / 5000.0}[form]
    X, y = points_at(b, lab)
    np.testing.assert_array_equal(X, np.asarray(b.values, np.float32).reshape(12, 64))
    np.testing.assert_array_equal(y, lab.values.ravel())


def test_an_unnamed_embedding_is_still_gated_by_its_values(e_lab):
    "Unit rows (floats, or int8 codes read as floats) without band names are an embedding: fills and zeros dropped."
    e, lab = e_lab
    f = e.drop_vars("band").copy()
    f[0, 0] = 2147483647.0            # the integer mask value some readers write into float bands (A1)
    f[1, 1] = 0.0                     # an all-zero vector (A3)
    X, y = points_at(f, lab)
    keep = np.ones((3, 4), bool); keep[0, 0] = keep[1, 1] = False
    np.testing.assert_allclose(X, e.values[keep], atol=1e-6)
    q = quantize_embedding(e).astype(np.float32).drop_vars("band")   # codes a masking reader turned to floats
    Xq, _ = points_at(q.assign_coords(band=np.arange(1, 65)), lab)
    assert np.allclose(np.linalg.norm(Xq, axis=1), 1.0, atol=0.03) and np.abs(Xq).max() <= 1.0
