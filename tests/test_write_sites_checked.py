"sites.write_sites checks the table as site_table does (what stream.create_site_corpus and export read of a row) " \
"before it writes anything: places (lon/lat degrees in range, x0/y0, grid_crs), periods (dates in pairs, start " \
"before end), split, ids. Field case s36: write_sites wrote any table (no lon/lat, NaN coordinates, repeated ids, " \
"a year as a number), refused only later when the file was read back, or never."
import numpy as np
import pandas as pd
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb import sites
from alphaearth_nb.core import LabelError


@pytest.fixture(scope="module")
def table():
    return sites.sample_sites(sites.box_strata(2), (2019, 2021), cap=2, size=16, seed=0)


def _set(table, col, value, row=1):
    t = table.copy()
    if col in t.columns and t[col].dtype.kind in "iufM" and not isinstance(value, (int, float, np.datetime64)):
        t[col] = t[col].astype(object)
    t.loc[t.index[row], col] = value
    return t


CASES = {   # the table's change, and the message's words (column, cell, rows, the fix)
    "NaN latitude": (lambda t: _set(t, "lat", np.nan), r"column 'lat' of the site table to write to .*s\.parquet \(the latitude.*\) holds nan at row 1: write "
                                                        r"degrees in -90 \.\. 90"),
    "longitude 200": (lambda t: _set(t, "lon", 200.0), r"column 'lon' .* holds 200\.0 at row 1: write degrees in -180"),
    "lon and lat swapped": (lambda t: t.rename(columns={"lon": "lat", "lat": "lon"}).assign(lat=[120.0, 121, 122, 123],
                                                                                            lon=45.0),
                            r"column 'lat' .* holds 120\.0 at rows 0, 1, 2, 3: write degrees in -90 .*are lon and lat "
                            r"swapped\?"),
    "no lon": (lambda t: t.drop(columns="lon"), r"lacks the column 'lon'"),
    "repeated id": (lambda t: _set(t, "site", t["site"].iloc[0]), r"repeats site ids \('s0000000', at rows 0, 1\)"),
    "NaN x0": (lambda t: _set(t, "x0", np.nan), r"column 'x0' .* holds nan at row 1: write a finite number of metres"),
    "grid_crs a bare code": (lambda t: t.assign(grid_crs=32631), r"column 'grid_crs' .* holds 32631 at rows 0, 1, 2, 3: write "
                                                                    r"'EPSG:n' text"),
    "a year for a date": (lambda t: t.assign(p0_start=2019), r"column 'p0_start' .*\(the first day of the site's period 0"
                                                             r", a date\) holds 2019 at rows 0, 1, 2, 3: write dates"),
    "text that is no date": (lambda t: _set(t, "p1_end", "soon"), r"column 'p1_end' .* holds 'soon' at row 1: write a "
                                                                  r"date"),
    "end before start": (lambda t: t.assign(p0_end=t["p0_start"] - pd.Timedelta(days=1)),
                         r"column 'p0_end' .*\(the end of period 0\) holds '2019-01-07' at rows 0, 1, 2, 3: write a day after p0_start"),
    "a period without its end": (lambda t: t.drop(columns="p1_end"), r"2 period start columns but lacks 'p1_end'"),
    "split in capitals": (lambda t: _set(t, "split", "Train"), r"column 'split' .* holds 'Train' at row 1: write "
                                                               r"'train' or 'test'"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_table_is_refused_before_a_file_is_written(table, tmp_path, case):
    change, words = CASES[case]
    with pytest.raises(LabelError, match=words):
        sites.write_sites(tmp_path / "s.parquet", change(table))
    assert not (tmp_path / "s.parquet").exists()


def test_a_sound_table_round_trips(table, tmp_path):
    own = pd.DataFrame(table.drop(columns="geometry")).assign(    # a table of one's own: dates as text, no geometry
        p0_start=table["p0_start"].dt.strftime("%Y-%m-%d"))
    back = sites.read_sites(sites.write_sites(tmp_path / "s.parquet", own))
    assert list(back.site) == list(table.site) and back.crs.to_epsg() == 4326   # was: plain Parquet, unreadable
    assert list(back.geometry.y) == pytest.approx(list(table.lat))
