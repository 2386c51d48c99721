"""Every yearly cube the package makes has one `time` dtype, datetime64[ns] (`times.TIME_DTYPE`, xarray's decoding
default), however its dates came (review38 finding 7): the official product with Earth Engine's epoch milliseconds
(`from_official`), with dates of another unit, a mirror cube (`official.open`) and `years.join_years`. Was:
datetime64[ms] for epoch milliseconds, [us] for the mirrors and join_years (pandas 3 reads '2024-01-01' as [us]),
[ns] for xarray's own: concat and selection worked, but the cubes differed by dtype and `attrs`/text of a time
('2020-01-01T00:00:00.000' beside '2022-01-01T00:00:00.000000000')."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import official as off
from alphaearth_nb.embeddings import from_official
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit
from alphaearth_nb.times import TIME_DTYPE
from alphaearth_nb.years import join_years


def _official(years, unit, seed=0):   # xee's form over several years, `time` as `unit` says
    maps = [fake_official(embedding_from_array(random_unit((4, 5), seed=seed + i)).assign_attrs(crs="EPSG:32631"))
            for i in range(len(years))]
    t = np.array([f"{y}-01-01" for y in years], "datetime64[ms]")
    return xr.concat(maps, "time").assign_coords(time=t.astype(np.int64) if unit == "epoch ms" else t.astype(unit))


@pytest.mark.parametrize("unit", ["epoch ms", "datetime64[ms]", "datetime64[us]", "datetime64[s]", "datetime64[ns]"])
def test_an_official_cube_of_any_time_unit_has_ns_times(unit):
    cube = from_official(_official([2020, 2021], unit))
    assert cube.time.dtype == TIME_DTYPE == np.dtype("datetime64[ns]")
    assert list(cube.time.values) == list(pd.to_datetime(["2020-01-01", "2021-01-01"]).values.astype("datetime64[ns]"))


def test_epoch_ms_and_ns_cubes_join_select_and_compare_alike():
    ms, ns = from_official(_official([2020, 2021], "epoch ms")), from_official(_official([2022, 2023], "datetime64[ns]", 5))
    both = xr.concat([ms, ns], "time")
    assert both.time.dtype == TIME_DTYPE and both.sizes["time"] == 4
    assert str(ms.time.values[0]) == "2020-01-01T00:00:00.000000000" and str(ns.time.values[0]).endswith(".000000000")
    for cube, year in ((ms, "2020"), (ns, "2022"), (both, "2021")):
        assert cube.sel(time=year).time.dtype == TIME_DTYPE and cube.sel(time=year).sizes["time"] == 1
    joined = join_years([ms.isel(time=0), ms.isel(time=1), ns.isel(time=0)])
    assert joined.time.dtype == TIME_DTYPE and list(pd.DatetimeIndex(joined.time.values).year) == [2020, 2021, 2022]
    xr.testing.assert_identical(joined.sel(time="2021"), both.sel(time="2021"))


def test_a_mirror_cube_has_ns_times(tmp_path, shared_data):
    pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
    mirror = off.build_local_mirror(tmp_path / "m", years=(2023, 2024), samples=shared_data / "aef_samples")
    cube = off.open((5.985, 44.9995, 5.99, 45.0015), (2023, 2024), source=mirror.root, chunks=32)
    assert cube.time.dtype == TIME_DTYPE and cube.sel(time="2024").sizes["time"] == 1
