"""A site table of one's own as a user writes it by hand (a CSV read as text, a spreadsheet): numbers given as text are
read as numbers and written as numbers, and a grid CRS that cannot hold the grid (degrees, feet, no CRS) is refused
with the site's UTM zone. Was (session 37's field cases): lon/lat '12.5' passed the checks and were written to the
GeoParquet as text; grid_crs 'EPSG:4326' with x0/y0 in metres (500000, 4200000) passed, a grid no reader can place."""
import numpy as np
import pandas as pd
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb import sites
from alphaearth_nb.core import LabelError

# a site at lon 12.5, lat 48.05: UTM zone floor((12.5 + 180) / 6) + 1 = 33, north: EPSG:32633
LON, LAT = 12.5, 48.05


def _row(**change):
    crs, x0, y0 = sites.site_grid(LON, LAT, 16, 10.0)
    row = dict(site="a", set="strata", stratum="1", lon=LON, lat=LAT, grid_crs=crs, x0=x0, y0=y0, size=16, res=10.0,
               p0_start=pd.Timestamp("2021-01-01"), p0_end=pd.Timestamp("2022-01-01"), split="train")
    return pd.DataFrame([{**row, **change}])


def test_numbers_given_as_text_are_read_and_written_as_numbers(tmp_path):
    crs, x0, y0 = sites.site_grid(LON, LAT, 16, 10.0)
    text = _row(lon="12.5", lat=" 48.05 ", x0=str(x0), y0=str(y0), size="16", res="10")   # a CSV read with dtype=str
    got = sites.site_table(text)
    assert got["lon"].dtype == np.float64 and got["lat"].dtype == np.float64, got.dtypes
    assert list(got.lon) == [12.5] and list(got.lat) == [48.05] and list(got.x0) == [x0] and list(got.y0) == [y0]
    assert got["size"].dtype.kind == "i" and list(got["size"]) == [16] and list(got.res) == [10.0]
    back = sites.read_sites(sites.write_sites(tmp_path / "s.parquet", text))
    assert back["lon"].dtype == np.float64 and list(back.lon) == [12.5] and list(back.lat) == [48.05]   # was '12.5'
    assert list(back.geometry.x) == [12.5] and back["size"].dtype.kind == "i"


def test_a_numbers_table_is_kept_as_it_is():
    t = sites.sample_sites(sites.box_strata(2), (2019, 2021), cap=2, size=16, seed=0)
    assert sites.site_table(t) is t                   # nothing to read: the table itself


def test_text_that_is_no_number_is_refused_naming_the_cell():
    with pytest.raises(LabelError, match=r"column 'lon' .* holds '12,5' at row 0: write degrees in -180"):
        sites.site_table(_row(lon="12,5"))


def test_a_geographic_grid_crs_with_metres_is_refused_with_the_utm_zone():
    with pytest.raises(LabelError, match=r"column 'grid_crs' .* holds 'EPSG:4326' at row 0: .*metres.*'EPSG:32633'") as e:
        sites.site_table(_row(grid_crs="EPSG:4326", x0=500000.0, y0=4200000.0))
    assert "x0, y0 (500000, 4.2e+06) are metres already" in str(e.value), str(e.value)
    with pytest.raises(LabelError, match=r"'EPSG:4326' at row 0: .*'EPSG:32633'"):   # degrees for x0/y0 too: a grid of
        sites.site_table(_row(grid_crs="EPSG:4326", x0=12.49, y0=48.06))         # `res` metres is not in degrees
    with pytest.raises(LabelError, match=r"'EPSG:4326' at row 0: .*'EPSG:32733'"):   # south of the equator: 327zz
        sites.site_table(_row(grid_crs="EPSG:4326", lat=-33.9))


def test_a_grid_crs_in_feet_or_unknown_is_refused():
    with pytest.raises(LabelError, match=r"'EPSG:2263' at row 0: .*metres.*its axes in US survey foot"):   # New York Long Island (ftUS)
        sites.site_table(_row(grid_crs="EPSG:2263"))
    with pytest.raises(LabelError, match=r"'EPSG:99999' at row 0: .*no CRS pyproj knows"):
        sites.site_table(_row(grid_crs="EPSG:99999"))
