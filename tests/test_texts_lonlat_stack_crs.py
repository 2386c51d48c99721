"""`aef train --data samples --texts notes.csv` of lat, lon, date, note columns gave a python -c line converting the
degrees to 'EPSG:326NN' (newcomer s53), although the stack's CRS is known (the sample scene's EPSG:32631): a line
that fails as printed. The line now names the stack's CRS; run as printed, the table it writes lies on the stack's
grid. Without a CRS the zone is left to fill in (tests/test_texts_lonlat_columns.py)."""
import re
import subprocess
import sys

import pandas as pd
import pyproj

from alphaearth_nb.cli import main
from alphaearth_nb.command_inputs import open_stack
from alphaearth_nb.geo import crs_of
from alphaearth_nb.samples import read_texts


def _said(capsys, args):
    try: rc = main(["train", "--preset", "tiny", "--steps", "1", "--out", "unused_run", *args])
    except SystemExit as e: rc = e.code
    assert rc == 2
    return " ".join(capsys.readouterr().err.split())


def test_the_line_uses_the_stacks_crs_and_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    ds = open_stack("samples")["sentinel2"].to_dataset()
    crs = crs_of(open_stack("samples"))
    assert crs and "326NN" not in crs
    y, x = float(ds["y"][3]), float(ds["x"][5])
    lon, lat = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(x, y)
    pd.DataFrame({"lat": [lat], "lon": [lon], "date": ["2021-05-01"], "note": ["wheat"]}).to_csv("notes.csv", index=False)
    err = _said(capsys, ["--data", "samples", "--texts", "notes.csv"])
    assert "326NN" not in err and crs in err, err
    line = re.search(r"`(python -c '.*?')`", err).group(1)
    subprocess.run(["bash", "-c", sys.executable + line[len("python"):]], check=True)
    ty, tx, _ = read_texts(pd.read_csv("notes_xy.csv"), "--texts notes_xy.csv", first_line=2)
    assert abs(ty[0] - y) < 0.01 and abs(tx[0] - x) < 0.01, (ty, tx, y, x)
