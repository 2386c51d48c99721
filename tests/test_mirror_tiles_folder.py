"""`aef evaluate --embeddings` of a folder of tiles copied from a mirror (rows stored bottom-up, as the mirrors store
them) reads them as one north-up map, as the mapping commands do (`derived_maps.tif_folder`). Was: a `python -c` line
joining them into a store (`rio merge` and `gdalbuildvrt` refuse 'upside down' rasters); before that, those tools."""
import shutil

import pandas as pd
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.derived_maps import tif_folder

pytest.importorskip("rioxarray")


def test_bottom_up_tiles_are_read_as_one_map(tmp_path, capsys):
    from alphaearth_nb.local_mirror import build_local_mirror
    m = build_local_mirror(tmp_path / "m", years=(2024,), size=64)
    tiles = tmp_path / "tiles"
    tiles.mkdir()
    for t in sorted((m.root / "2024" / "31N").glob("*.tiff")): shutil.copy(t, tiles)
    e = tif_folder(tiles, "evaluate")
    assert dict(e.sizes) == {"y": 64, "x": 128, "band": 64} and float(e.y[0]) > float(e.y[-1])   # both, north-up
    pd.DataFrame({"x": e.x.values[[3, 5, 9, 70, 90, 100]], "y": e.y.values[[3, 20, 40, 5, 30, 50]],
                  "label": [0, 0, 0, 1, 1, 1]}).to_csv(tmp_path / "p.csv", index=False)
    assert main(["evaluate", "--embeddings", str(tiles), "--labels", str(tmp_path / "p.csv"), "--shots", "1",
                 "--folds", "2"]) == 0, capsys.readouterr().err
