"""`aef train --data samples --texts notes.csv` of columns y, x, time, text holding lat, lon in degrees was refused
after the plan ('aef train: training `tiny` ... the bar waits ...'), once the model was built, with Python words ('with
the table as `t`, `t['x'], t['y'] = ...`'): no line the shell runs, no file written (newcomer s53). The texts are now
placed on --data's grid before the plan (`geotexts.place_texts`, --data opened once), and the refusal gives the
`python -c` line writing notes_xy.csv in the stack's CRS: run as printed, its texts land on the pixels they came from."""
import re
import subprocess
import sys

import pandas as pd
import pyproj

from alphaearth_nb.cli import main
from alphaearth_nb.command_inputs import open_stack
from alphaearth_nb.geo import crs_of
from alphaearth_nb.geotexts import place_texts


def test_degrees_as_y_x_get_a_shell_line_before_the_plan(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    stack = open_stack("samples")
    ds, crs = stack["sentinel2"].to_dataset(), crs_of(stack)
    y, x = float(ds["y"][3]), float(ds["x"][5])
    lon, lat = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(x, y)
    pd.DataFrame({"y": [lat], "x": [lon], "time": ["2021-05-01"], "text": ["wheat"]}).to_csv("notes.csv", index=False)
    try: rc = main(["train", "--preset", "tiny", "--steps", "1", "--out", "run", "--data", "samples", "--texts", "notes.csv"])
    except SystemExit as e: rc = e.code
    err = " ".join(capsys.readouterr().err.split())
    assert rc == 2 and "training `tiny`" not in err and "bar waits" not in err, err   # refused before the plan
    assert "--texts notes.csv: none of its 1 texts lies on the stack's grid" in err and "with the table as" not in err, err
    line = re.search(r"`(python -c '.*?')`, then --texts notes_xy.csv; or train without --texts", err).group(1)
    assert crs in line, line
    subprocess.run(["bash", "-c", sys.executable + line[len("python"):]], check=True)
    placed = place_texts(pd.read_csv("notes_xy.csv"), stack, None, "--texts notes_xy.csv")
    assert (placed["row"].tolist(), placed["col"].tolist()) == ([3], [5]), placed
    assert not (tmp_path / "run").exists()
