"""A message quotes each value it shows once: Earth Engine's per-frame metadata that `_frame_meta` cannot read is listed
as ('n/a', 'sideways'), each value's repr. Was the list's repr of their reprs, each quoted twice: (["'n/a'",
"'sideways'"])."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import MetadataWarning
from alphaearth_nb.earthengine import to_stack_dataset
from alphaearth_nb.testing import fake_xee


def test_unread_orbit_words_are_quoted_once():
    t = pd.date_range("2024-01-01", periods=3, freq="12D").values
    a = np.random.default_rng(0).uniform(-20, 0, (3, 4, 5))
    ds = fake_xee({"VV": a, "VH": a - 5}, t, 500000 + 10 * np.arange(5), 5000000 - 10 * np.arange(4),
                  coords={"orbitProperties_pass": ["ASCENDING", "n/a", "sideways"]})
    with pytest.warns(MetadataWarning) as w:
        to_stack_dataset(ds, "sentinel1")
    msg = str(w[0].message)
    assert "2 of 3 frames of sentinel1 have no orbitProperties_pass it can read ('n/a', 'sideways'):" in msg, msg
    assert "\"'" not in msg and "'\"" not in msg
