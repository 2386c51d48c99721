"""Times and years written as numpy's variable-width text (StringDType, kind 'T'), which `xr.concat(maps,
pd.Index(['2022', '2023', '2024'], name='time'))` gives under pandas 3: read as the same text in numpy's other
forms is. Was: yearly_change 'the cube's time values ['2022', '2023', '2024'] are neither years nor dates' (for
'2022-01-01' too), and times.to_ms 'cannot read times of dtype StringDType(): pass ... ISO strings' of ISO text."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.places import years_of_cube
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.times import to_ms
from alphaearth_nb.years import yearly_change

SD = np.dtypes.StringDType()


@pytest.mark.parametrize("t", [["2022", "2023", "2024"], ["2022-01-01", "2023-01-01", "2024-01-01"]])
def test_a_cube_of_string_years_reads_its_years(t):
    maps = [embedding_from_array(random_unit((5, 6), seed=s)) for s in range(3)]
    cube = xr.concat(maps, pd.Index(t, name="time"))
    cube = cube.assign_coords(time=np.array(t, dtype=SD))   # whatever pandas does: StringDType for sure
    assert cube.time.dtype.kind == "T"
    assert years_of_cube(cube).tolist() == [2022, 2023, 2024]
    want = yearly_change(xr.concat(maps, pd.Index([2022, 2023, 2024], name="time")))
    got = yearly_change(cube)
    np.testing.assert_array_equal(got["year_of_change"].values, want["year_of_change"].values)


def test_to_ms_reads_string_dtype_iso_text():
    assert to_ms(np.array(["2024-01-01", "2024-02-01T10:00Z"], dtype=SD)).tolist() == \
        to_ms(np.array(["2024-01-01", "2024-02-01T10:00Z"])).tolist() == [1704067200000, 1706781600000]
