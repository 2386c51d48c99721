"""float64 features holding values beyond float32's range (1e39) are no data wherever they are read, by one rule
(`empty_rows.nan_rows`): `linear.check_xy(centre=True)`, `knn_search` and `evaluate_embeddings` name the rows and the
line that drops them, as `aef evaluate` does for the same file. Was (46f77d59): check_xy centred float64 features
before its NaN/inf test, so 1e39 passed it, and knn_search said "training features reach 9.5e+38 from the training
mean, beyond float32 (3.4e38): rescale them (e.g. standardise each column)" (a fix that keeps the fill)."""
import numpy as np
import pytest

from alphaearth_nb import evaluate, knn
from alphaearth_nb.core import LabelError, NoValidDataError
from alphaearth_nb.linear import check_xy
from alphaearth_nb.testing import random_unit

X = random_unit((40,), seed=5).reshape(40, 64).astype(np.float64)
Y = np.repeat([1, 2], 20)


@pytest.mark.parametrize("v", [1e39, -1e39])
def test_check_xy_centred_refuses_them_and_its_line_drops_them(v):
    x = X.copy(); x[[2, 6], 1] = v
    with pytest.raises(LabelError, match="2 of 40 labelled points hold NaN/inf features, or ones beyond float32") as e:
        check_xy(x, Y, centre=True)
    code = next(c for c in str(e.value).split("`") if c.startswith("keep = "))
    env = {"np": np, "x": x, "y": Y}
    exec(code, env)
    assert check_xy(env["x"], env["y"], centre=True)[0].shape == (38, 64)


def test_knn_search_names_the_rows_not_a_rescale():
    t = X.copy(); t[[2, 6], 1] = 1e39
    with pytest.raises(LabelError, match="2 of 40 training rows hold NaN/inf features, or ones beyond") as e:
        knn.knn_search(t, X[:3], k=1)
    assert "rescale" not in str(e.value)
    q = X[:3].copy(); q[1, 0] = -1e39
    with pytest.raises(NoValidDataError, match="1 of 3 query rows hold NaN/inf features, or ones beyond"):
        knn.knn_search(X, q, k=1)


def test_evaluate_embeddings_names_the_rows():
    x = X.copy(); x[[2, 6], 1] = 1e39
    with pytest.raises(LabelError, match="beyond float32's range"):
        evaluate.evaluate_embeddings(x, Y, shots=[1], folds=2)


def test_float16_inf_refused_as_before():
    t = X.astype(np.float16); t[4, 0] = np.inf                     # narrow features: their inf, as before
    with pytest.raises(LabelError, match="1 of 40 training rows"):
        knn.knn_search(t, X[:3].astype(np.float16), k=1)
