"""Every warning of ours is an `AEFWarning` (a `UserWarning`) of a kind core names, so a user can silence ours, or
turn them into errors, apart from other libraries' warnings. Was: 37 of 87 `warnings.warn` calls gave no category (a
plain `UserWarning`, e.g. '1 of 6 pixels are not embedding vectors'), 8 gave `UserWarning`, and core's warning
classes had no common base (session 37)."""
import inspect
import re
import warnings

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb import core
from alphaearth_nb.core import AEFWarning, LabelWarning, NoDataWarning, TimeWarning
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.metrics import balanced_accuracy
from alphaearth_nb.times import to_ms


def _codes_with_a_zero_pixel() -> xr.DataArray:
    "2 x 3 pixels of int8 codes of unit vectors, the top-left one all zero (no embedding vector: no data)."
    v = np.random.default_rng(0).normal(size=(2, 3, 64))
    q = np.asarray(aef.quantize(v / np.linalg.norm(v, axis=-1, keepdims=True))).copy()
    q[0, 0] = 0
    return xr.DataArray(q, dims=("y", "x", "band"),
                        coords={"y": [1.5, 0.5], "x": [0.5, 1.5, 2.5], "band": aef.band_names()})


# three warnings of three modules, each from a public call on real input: (call, its kind, its message)
CASES = [
    (lambda: as_embedding(_codes_with_a_zero_pixel()), NoDataWarning, "1 of 6 pixels are not embedding vectors"),
    (lambda: balanced_accuracy([0, 0, 1, 1], [0, 2, 1, 1]), LabelWarning, "y_pred holds class 2 (1 predicted) that y_true never"),
    (lambda: to_ms(["January of 2024", "March of 2024"]), TimeWarning, "Could not infer format"),
]


def test_every_warning_class_of_core_is_ours():
    found = [c for _, c in inspect.getmembers(core, inspect.isclass)
             if issubclass(c, Warning) and c.__module__ == core.__name__]
    assert len(found) >= 11 and AEFWarning in found   # the 7 kinds before session 37, its 4 and the base
    assert [c.__name__ for c in found if not issubclass(c, AEFWarning)] == []
    assert issubclass(AEFWarning, UserWarning)   # `except UserWarning` and filters of UserWarning still catch ours


@pytest.mark.parametrize("call, kind, said", CASES, ids=["embeddings", "metrics", "times"])
def test_each_warning_has_its_kind_and_points_at_the_users_line(call, kind, said):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        call()
    ours = [w for w in seen if said in str(w.message)]
    assert len(ours) == 1 and ours[0].category is kind, [(w.category, str(w.message)[:80]) for w in seen]
    assert ours[0].filename == __file__   # the user's line (the lambda above), not the package's


@pytest.mark.parametrize("call, kind, said", CASES, ids=["embeddings", "metrics", "times"])
def test_a_users_error_filter_on_the_family_raises_ours(call, kind, said):
    with warnings.catch_warnings():
        warnings.simplefilter("error", AEFWarning)   # what the README tells a user to write
        with pytest.raises(kind, match=re.escape(said)):
            call()


def test_ignoring_the_family_silences_ours_and_leaves_others():
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        warnings.simplefilter("ignore", AEFWarning)
        e = as_embedding(_codes_with_a_zero_pixel())
        warnings.warn("not ours", UserWarning)
    assert [str(w.message) for w in seen] == ["not ours"]
    assert np.isnan(e.values[0, 0]).all() and not np.isnan(e.values[0, 1:]).any()   # still no data there, silently
