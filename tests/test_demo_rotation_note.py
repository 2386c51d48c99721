"""The demo report says what its crop_summer <-> crop_winter transitions are, where it lists them: crop rotation (the
same cropland sown in the other season), whose 1 - dot near the unchanged pixels' is a change the model does not yet
see, not wrong labels. Was (queue s43): 'crop_summer -> crop_winter:
1226 px, 1 - dot 0.001' without a word, beside 'forest_conifer -> bare: 192 px, 1 - dot 0.678'."""
import pandas as pd

from alphaearth_nb import demo

REP = dict(loss_first10=1.0, loss_last10=0.5, steps=200, batch_size=4, change_cleared=0.057, change_elsewhere=0.002,
           cleared_pixels=2343, train_seconds=369.5, seconds=853.7, tenshot_pixels=22500)
TABLE = pd.DataFrame({"method": ["knn1"], "balanced_accuracy": [0.619]})


def _text(transitions):
    return "\n".join(demo._lines(dict(REP, change_by_transition=transitions), {}, TABLE, [2023, 2024]))


def test_rotation_transitions_are_explained_once():
    text = _text([{"from": "crop_summer", "to": "crop_winter", "pixels": 1226, "one_minus_dot": 0.001},
                  {"from": "crop_winter", "to": "crop_summer", "pixels": 925, "one_minus_dot": 0.001},
                  {"from": "forest_conifer", "to": "bare", "pixels": 192, "one_minus_dot": 0.678}])
    assert text.count("is crop rotation") == 1 and "unchanged pixels' (0.002)" in text, text
    lines = text.splitlines()
    at = next(i for i, s in enumerate(lines) if "is crop rotation" in s)
    assert "forest_conifer -> bare" in lines[at - 1]   # right after the transitions it explains


def test_no_rotation_no_note():
    text = _text([{"from": "forest_conifer", "to": "bare", "pixels": 192, "one_minus_dot": 0.678}])
    assert "crop rotation" not in text, text
