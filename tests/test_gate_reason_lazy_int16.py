"""Maps whose every pixel the gate refuses still ended their errors with 'a warning above names why' where no warning
was shown (warnings silenced, as notebooks do): an int16 export x32767 (the gate had no words for that scale), any
lazy map (the reason was kept for maps in memory only), and `cluster`, `rgb` and `classify`, which said 'all NaN'
and no reason (newcomer s55 finding 10, note55 'left'). Now each error carries the gate's reason and fix."""
import warnings

import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import AEFError
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 7), seed=1)).assign_attrs(crs="EPSG:32631")
PTS = pd.DataFrame({"x": E.x.values[[0, 1, 5, 6]], "y": E.y.values[[0, 1, 4, 5]], "label": [0, 0, 1, 1]})
FORMS = {"x100": (E * 100, "100"), "int16 x32767": ((E * 32767).round().astype("int16"), "32767")}
DOORS = {"similarity": lambda m: m.aef.similarity((float(E.x[0]), float(E.y[0]))),
         "classify": lambda m: m.aef.classify(PTS, k=1), "cluster": lambda m: m.aef.cluster(2),
         "rgb": lambda m: m.aef.rgb()}


@pytest.mark.parametrize("lazy", [False, True])
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("door", DOORS)
def test_the_error_says_the_scale_and_the_division(door, form, lazy):
    m, scale = FORMS[form]
    m = m.chunk({"y": 3}) if lazy else m
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # a notebook's habit: the gate's warning is not shown
        with pytest.raises(AEFError) as e:
            DOORS[door](m)
    said = str(e.value)
    assert f"scaled by {scale}" in said and f"emb = emb / {scale}" in said and "warning above" not in said, said


def test_int16_full_scale_is_read_as_a_scale():
    assert aef.value_hints.power_scale((E * 32767).round().astype("int16").values) == 32767.0
    assert aef.value_hints.power_scale((E * 10000).values) == 10000.0
