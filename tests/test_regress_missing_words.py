"regress's warning for target rows without a value speaks of targets, not classes; classify's still of classes."
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_missing_target_rows_are_never_a_target():
    "Was: '1 of 4 rows of the target table have no value ...: left out, as unlabelled rows are never a class'."
    e = embedding_from_array(random_unit((6, 8), seed=1))
    df = pd.DataFrame({"x": e.x.values[[0, 3, 5, 7]], "y": e.y.values[[0, 2, 4, 5]], "biomass": [0.5, 1.5, np.nan, 3.0]})
    with pytest.warns(LabelWarning, match=r"1 of 4 rows of the target table .* never a target\. If they") as w:
        regress(e, df, column="biomass")
    assert not any("class" in str(m.message) for m in w)
    with pytest.warns(LabelWarning, match=r"1 of 4 rows of the label table .* never a class\. If they"):
        classify(e, df.assign(label=[1, 2, np.nan, 1]).drop(columns="biomass"), k=1)
