"""'Train more' had no right path: a resume with more steps than the run's warned that the learning rate's decay moves
(the run is not the uninterrupted one) and offered nothing else (s57 newcomer #15). The warning now names the two
choices: a run of that length anew (in Python and the command's words), or going on as now."""
import warnings

import pytest

from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.run_data import warn_changed
from alphaearth_nb.step import TrainConfig


def test_more_steps_on_resume_names_both_choices():
    with pytest.warns(TrainingWarning) as got:
        warn_changed(TrainConfig(steps=16, batch_size=4), {"steps": 8, "batch_size": 4})
    said = " ".join(str(w.message) for w in got)
    assert "the learning rate's decay now ends at step 16, not 8" in said, said
    assert "start one anew (`aef.fit(..., steps=16, out='runs/new')` / `aef train --steps 16 --out NEW`" in said, said
    assert "to go on from here on this schedule, as now, nothing to do" in said, said
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warn_changed(TrainConfig(steps=8, batch_size=4), {"steps": 8, "batch_size": 4})   # the run's: no word
