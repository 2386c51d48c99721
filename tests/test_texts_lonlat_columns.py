"""Newcomer s53 item 12: `aef train --texts` of a table with lat, lon, date, note columns was refused for its column
names with no hint, and one with y, x in degrees was told only 'metres, not lon/lat'. The refusals now give the
line that writes y, x in the stack's CRS from the degrees (pyproj) and renames date/note to time/text: run as
written (the zone filled in), the table reads."""
import re
import shlex
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.geotexts import place_texts, read_texts
from alphaearth_nb.stacks import toy_stack


def test_lat_lon_date_note_get_a_shell_line_that_reads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pd.DataFrame({"lat": [50.63, 50.64], "lon": [4.66, 4.67], "date": ["2021-05-01", "2021-06-01"],
                  "note": ["wheat", "maize"]}).to_csv("notes.csv", index=False)
    with pytest.raises(LabelError) as e:
        read_texts(pd.read_csv("notes.csv"), "--texts notes.csv", first_line=2)
    msg = str(e.value)
    line = shlex.split(re.search(r"`python -c ('.*')`", msg).group(1))[0].replace("326NN", "32631")
    subprocess.run([sys.executable, "-W", "ignore", "-c", line], check=True)
    assert "then --texts notes_xy.csv" in msg, msg
    y, x, days = read_texts(pd.read_csv("notes_xy.csv"), "--texts notes_xy.csv", first_line=2)
    assert 5.6e6 < y.min() < 5.62e6 and 6.1e5 < x.min() < 6.3e5 and np.isfinite(days).all(), (y, x)


def test_degrees_off_the_grid_get_the_conversion_in_the_stacks_crs():
    ds = toy_stack()["sentinel2"].to_dataset().assign_attrs(crs="EPSG:32631")
    t = pd.DataFrame({"y": [50.63], "x": [4.66], "time": ["2021-05-01"], "text": ["wheat"]})
    with pytest.raises(LabelError) as e:
        place_texts(t, ds, 16)
    msg = str(e.value)
    assert "Transformer.from_crs('EPSG:4326', 'EPSG:32631', always_xy=True).transform(t['x'], t['y'])" in msg, msg
