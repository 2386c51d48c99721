"""The official product whose `time` holds epoch milliseconds (Earth Engine's `system:time_start`: a Dataset built
from `ee.data.computePixels` or an export whose times were never decoded) is read as the dates they are.

Was: `from_official` kept the numbers, so one image's `attrs['time']` was the text '1704067200000', which
`years.map_year` calls 'no date' (`join_years` refused the maps, `classify` with a year column trained the map
on every year's rows), and two images were 'without dates or years'. 1704067200000 ms = 1704067200 s after
1970-01-01 = 19723 days = 2024-01-01 00:00 UTC; 1672531200000 ms = 19358 days = 2023-01-01."""
import warnings

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import fake_xee, random_unit

MS_2023, MS_2024 = 1672531200000, 1704067200000
X, Y = 500005 + 10.0 * np.arange(5), 5000045 - 10.0 * np.arange(4)


def _ds(times, seed=0):
    v = random_unit((len(times), 4, 5), seed=seed)
    ds = fake_xee({b: v[..., i] for i, b in enumerate(band_names())}, ["2024-01-01"] * len(times), X, Y)
    return ds.assign_coords(time=np.asarray(times, np.int64)), v


def test_one_image_of_epoch_milliseconds_records_its_date():
    e23, e24 = (aef.from_official(_ds([t], seed=s)[0]) for s, t in ((1, MS_2023), (2, MS_2024)))
    assert e24.attrs["time"] == "2024-01-01T00:00:00"
    assert aef.years.map_year(e23) == 2023 and aef.years.map_year(e24) == 2024
    cube = aef.years.join_years([e24, e23])   # was: TimeError "'1704067200000', which is no date"
    assert cube.time.dt.year.values.tolist() == [2023, 2024]


def test_a_year_column_keeps_the_rows_of_the_map_of_epoch_milliseconds():
    ds, v = _ds([MS_2024])
    e = aef.from_official(ds)
    pts = pd.DataFrame({"x": X[[0, 4, 0, 4]], "y": Y[[0, 3, 0, 3]], "label": [1, 2, 2, 1], "year": [2024, 2024, 2023, 2023]})
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        X_, vals = aef.supervised.training_set(e, pts)
    assert vals.tolist() == [1, 2]   # 2024's rows: was all four ('the map records no year'), two pixels labelled twice
    assert any("2023" in str(m.message) for m in w)   # the other year's rows left out, said


def test_several_images_of_epoch_milliseconds_are_the_cube():
    ds, v = _ds([MS_2023, MS_2024])
    assert aef.embeddings.official_years(ds) == [2023, 2024]
    cube = aef.from_official(ds)   # was: DimensionError 'holds 2 images along `time` without dates or years'
    assert cube.dims == ("time", "y", "x", "band")
    assert pd.DatetimeIndex(cube.time.values).strftime("%Y-%m-%d").tolist() == ["2023-01-01", "2024-01-01"]
    np.testing.assert_allclose(cube.values, v, atol=1e-6)
    s = ds.aef.similarity(v[1, 2, 3])   # the mapping functions read it as its cube
    assert s.dims == ("time", "y", "x") and float(s.isel(time=1, y=2, x=3)) == pytest.approx(1.0)
    assert aef.from_official(_ds([2024])[0]).attrs["time"] == "2024"   # whole years stay as they were
    assert aef.from_official(_ds([2023, 2024])[0]).time.values.tolist() == [2023, 2024]
