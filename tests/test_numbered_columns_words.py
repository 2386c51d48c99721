"""A DataFrame made in Python from an array (`pd.DataFrame(np.array([[lon, lat]]))`: columns numbered 0, 1, ...)
given as points was told "its first line (0, 1) holds numbers, so the file has no header line ... add a header line"
(the headerless-CSV words: there is no file). Numbered columns now get the rename that names them, and that rename,
run as printed, makes the points read; a CSV without a header line keeps its own words."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import places
from alphaearth_nb.core import LabelError
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((8, 8), seed=1))


@pytest.mark.parametrize("extra", [[], [7]])
def test_numbered_columns_get_their_rename_and_it_works(extra):
    x, y = float(E.x[3]), float(E.y[2])
    df = pd.DataFrame(np.array([[x, y, *extra]]))
    with pytest.raises(LabelError) as e: places.sample(E, df, crs=E.attrs["crs"])
    msg = str(e.value)
    assert "header" not in msg and "numbered" in msg, msg
    spans = re.findall(r"\{[^{}]*'x'[^{}]*\}", msg)   # the x/y mapping offered for metres
    assert spans, msg
    fixed = df.rename(columns=eval(spans[0]))
    got = places.sample(E, fixed, crs=E.attrs["crs"])
    np.testing.assert_allclose(got[[f"A{i:02d}" for i in range(64)]].to_numpy(np.float64)[0], E.values[2, 3], atol=1e-6)


def test_a_headerless_csv_keeps_its_header_words(tmp_path):
    (tmp_path / "p.csv").write_text("3.0001,45.1532\n3.0002,45.1533\n")
    with pytest.raises(LabelError, match="no header line"): places.sample(E, str(tmp_path / "p.csv"))
