"""classify of a cube of several years with labels of no year trained each year on its own pixels at the points:
where the land changed, earlier years learned the wrong class, silently (newcomer s55 finding 2: 0.42 vs 0.64). Now
a LabelWarning says so and names the fix (map the labelled year; or a `year` column)."""
import warnings

import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import LabelWarning
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 7), seed=1))
CUBE = xr.concat([E, E], "time").assign_coords(time=pd.to_datetime(["2023-01-01", "2024-01-01"]))
PTS = pd.DataFrame({"x": E.x.values[[0, 1, 5, 6]], "y": E.y.values[[0, 1, 4, 5]], "label": [0, 0, 1, 1]})

def test_yearless_points_on_a_cube_warn_with_the_fix():
    with pytest.warns(LabelWarning, match=r"record no year.*2 years trains on its own vectors.*cube.sel\(time='2024'\)"):
        CUBE.aef.classify(PTS, k=1, crs="EPSG:32631")

def test_labels_with_a_year_column_or_one_map_are_quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabelWarning)
        CUBE.aef.classify(pd.concat([PTS.assign(year=2023), PTS.assign(year=2024)]), k=1, crs="EPSG:32631")
        E.aef.classify(PTS, k=1, crs="EPSG:32631")

def test_the_fix_runs_on_a_cube_of_integer_years():
    """A cube whose years are ints (classify takes it) was told `cube.sel(time='2024')`, a KeyError (re-read r2 #4)."""
    cube = CUBE.assign_coords(time=[2023, 2024])
    with pytest.warns(LabelWarning, match=r"cube.sel\(time=2024\)") as said:
        cube.aef.classify(PTS, k=1, crs="EPSG:32631")
    line = next(str(w.message) for w in said if issubclass(w.category, LabelWarning))
    fix = __import__("re").search(r"cube\.sel\(time=[^)]*\)", line).group(0)
    assert eval(fix, {"cube": cube}).sizes["y"] == 6   # the printed selection runs

def test_no_labels_but_a_crs_is_not_taken_for_yearless_labels():
    "The labels were the second argument bound, so `classify(cube, crs=...)` warned of labels of no year (its crs)."
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        with pytest.raises(TypeError, match="labels"): CUBE.aef.classify(crs="EPSG:32631")
    assert not [x for x in w if issubclass(x.category, LabelWarning)]
