"""analysis's checks of the maps it is given (the collapsed-map warning, `change`'s two-makings check, the years a
change spans) live in `map_checks` (24g, session 56: analysis was at 500 lines under a cap raised to 505); analysis
re-exports COLLAPSED, so `aef.analysis.COLLAPSED` works as before, and stays under its cap again
(tests/test_per_year_split.py, tests/test_clusters_split.py)."""
import warnings

import numpy as np

from alphaearth_nb.testing import embedding_from_array, random_unit


def test_analysis_reexports_collapsed(reexported):
    reexported("map_checks", "analysis", ["COLLAPSED"])


def test_change_still_runs_the_moved_checks():
    "Hand-worked: one map twice, both of 2023, is refused; made with tiles 24 and 32, warned naming both."
    import pytest
    from alphaearth_nb.analysis import change
    from alphaearth_nb.core import MixedSettingsWarning, SameMapError
    a = embedding_from_array(random_unit((4, 5), seed=1)).assign_attrs(period_start="2023-01-01", tile=24)
    with pytest.raises(SameMapError): change(a, a)
    b = embedding_from_array(random_unit((4, 5), seed=2)).assign_attrs(period_start="2024-01-01", tile=32)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        out = change(a, b)
    assert any(issubclass(x.category, MixedSettingsWarning) and "tile 24 and 32" in str(x.message) for x in w)
    assert (out.attrs["from_year"], out.attrs["to_year"]) == (2023, 2024) and np.isfinite(out.values).all()
