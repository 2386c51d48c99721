"Kind A for tables: fill rows among means of embeddings (a sample table exported at a coarser scale)."
import numpy as np
import pytest

from alphaearth_nb.core import LabelError, band_names
from alphaearth_nb.evaluate import check_xy, evaluate_embeddings
from alphaearth_nb.readers import read_aef_samples
from alphaearth_nb.testing import random_unit


def _means(n:int=60, seed:int=4) -> np.ndarray:
    "Means of pairs of unit vectors: the lengths (0.6..1) of a table Earth Engine samples at 20 or 30 m (MEAN pyramid)."
    u = random_unit((2, n), seed=seed)
    return ((u[0] + u[1]) / 2).astype(np.float32)                # lengths about 0.7, within (0.2, 1]


def test_fill_rows_among_means_of_embeddings_are_refused():
    """Rows of one value in every column (64 x 0, 64 x -9999) among unit vectors were refused (case A18), but among
    means of embeddings (lengths 0.6..1, not 1) the table was taken for a baseline and they passed as features: an
    all-zero row is no embedding and no mean of embeddings. Right: refused as in a table of unit vectors."""
    m = _means()
    n = np.linalg.norm(m, axis=1)
    assert n.min() > 0.3 and n.max() < 0.995                     # means: none of unit length
    y = np.arange(len(m) + 3) % 3
    for fill in (0.0, -9999.0, -1.0):
        x = np.vstack([m, np.full((3, 64), fill, np.float32)])
        with pytest.raises(LabelError, match=r"3 of \d+ labelled points have one value in every feature"):
            check_xy(x, y)
        with pytest.raises(LabelError, match="3 labelled points"):
            evaluate_embeddings(x, y, shots=(5,), folds=2)
    np.testing.assert_array_equal(check_xy(m, y[:len(m)])[0], m)   # no fill: the means as given


def test_official_samples_averaged_keep_their_fill_rows_out():
    "The same on the official samples averaged in pairs of one class (sf_bay, 720 rows): 2 all-zero rows refused."
    try: df = read_aef_samples()
    except Exception as e: pytest.skip(f"no shared data: {e}")
    df = df[df.columns[df.columns.isin(band_names() + ["dw_label"])]].sort_values("dw_label", kind="stable")
    x = df[band_names()].to_numpy(np.float64)
    x = (x[0::2] + x[1::2]) / 2                                    # neighbours in the sorted table: mostly one class
    y = df["dw_label"].to_numpy()[0::2]
    x[[5, 9]] = 0.0
    with pytest.raises(LabelError, match=r"2 of \d+ labelled points have one value in every feature"):
        check_xy(x, y)
