"""Perturbations naming a family no registered input source has (drop_source={'foo': 0.3}) says so, with the known
families, in a core ConfigWarning: it drops nothing (was: silently nothing). Not refused: a model's own source may
have that family. The known families say nothing."""
import warnings

import pytest

from alphaearth_nb.core import ConfigWarning
from alphaearth_nb.losses import Perturbations, warn_unknown_families


@pytest.mark.parametrize("field", ["drop_source", "drop_frame"])
def test_an_unknown_family_is_named_with_the_known_ones(field):
    # the known families in any company: other tests of the process register sources of their own ('drone', ...)
    # said by `fit` once a run (warn_unknown_families, at its start; tests/test_perturb_once_a_run), not by
    # Perturbations(...) itself, which a script resuming the run makes again each time (session 40)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = Perturbations(**{field: {"foo": 0.3, "landsat": 0.2}})
    with pytest.warns(ConfigWarning, match=rf"Perturbations\.{field} names 'foo'(?=.*'landsat')(?=.*'sentinel1')"
                                           r"(?=.*'sentinel2').*drops nothing") as w:
        warn_unknown_families(p)
    assert dict(getattr(p, field))["foo"] == 0.3 and w[0].filename == __file__   # kept, and said at the caller
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warn_unknown_families(p, own=["foo"])   # the model's own family: known

def test_known_families_say_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Perturbations()
        Perturbations(drop_source={"sentinel1": 0.5}, drop_frame={"sentinel2": 0.1, "landsat": 0.2})
