"""Perturbations naming a family no input source has are said once a run: by `fit` at the run's start, not again on
its resume, whose script makes its Perturbations(...) anew. Was: ConfigWarning 'Perturbations.drop_source names
'foo' ... drops nothing' at each Perturbations(...), so on each resume of one run."""
import functools
import warnings

import pytest

from alphaearth_nb.core import ConfigWarning
from alphaearth_nb.losses import Perturbations, total_loss
from alphaearth_nb.train import fit

slow = pytest.mark.skipif(not __import__("os").environ.get("AEF_RUN_SLOW"), reason="slow: set AEF_RUN_SLOW=1")


def _said(rec):
    return [w for w in rec if issubclass(w.category, ConfigWarning) and "drops nothing" in str(w.message)]


@pytest.mark.slow
@slow
def test_said_at_the_runs_start_not_on_its_resume(crop, tmp_path):
    def run(steps, **kw):   # as a script does: its Perturbations made anew at each call
        with warnings.catch_warnings(record=True) as rec:
            warnings.simplefilter("always")
            loss = functools.partial(total_loss, pert=Perturbations(drop_source={"foo": 0.3}))
            fit("tiny", crop, steps=steps, batch_size=2, out=tmp_path / "run", loss_fn=loss, progress=False, **kw)
        return _said(rec)
    first = run(1)
    assert len(first) == 1 and "'foo'" in str(first[0].message) and first[0].filename == __file__, first
    assert run(2, resume=True) == []
