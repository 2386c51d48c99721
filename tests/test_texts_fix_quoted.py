"""`aef train --texts PATH` of lat/lon degrees names a `python -c` line writing PATH's y, x in the stack's CRS
(`geotexts.texts_fix`). The line put PATH raw into `pd.read_csv('...')` inside "..." and `--texts` unquoted (r1
finding 5, note54's words left): a path with a `'` was a SyntaxError as printed, one with a space split by the shell.
Now Python's text is `json.dumps`'s and the shell's `shlex.quote`'s, as `evaluate_points.crs_fix_line` quotes its
line: run in bash as printed, the table is written beside PATH and named as the shell passes it."""
import re
import shlex
import subprocess
import sys

import pandas as pd

from alphaearth_nb.geotexts import read_texts, texts_fix


def test_the_line_runs_as_printed_for_a_path_of_a_space_and_a_quote(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my notes").mkdir()
    path = "my notes/it's $HOME.csv"
    pd.DataFrame({"lat": [50.63], "lon": [4.66], "date": ["2021-05-01"], "note": ["wheat"]}).to_csv(path, index=False)
    fix = texts_fix(["lat", "lon", "date", "note"], f"--texts {path}", crs="EPSG:32631")
    m = re.fullmatch(r": `(python -c .+)`, then --texts (.+)", fix)
    assert m, fix
    subprocess.run(["bash", "-c", shlex.quote(sys.executable) + m.group(1)[len("python"):]], check=True)
    named = shlex.split(m.group(2))
    assert named == ["my notes/it's $HOME_xy.csv"], named   # one word, as typed: no $HOME read by the shell
    y, x, days = read_texts(pd.read_csv(named[0]), f"--texts {named[0]}", first_line=2)
    assert 5.6e6 < y[0] < 5.62e6 and 6.1e5 < x[0] < 6.3e5 and len(days) == 1, (y, x)


def test_the_python_words_keep_their_form():
    said = texts_fix(["lat", "lon", "date"], "texts", crs="EPSG:32631")
    assert said == (": with the table as `t`, `t['x'], t['y'] = pyproj.Transformer.from_crs('EPSG:4326', 'EPSG:32631', "
                    "always_xy=True).transform(t['lon'], t['lat']); t = t.rename(columns={'date': 'time'})`"), said
