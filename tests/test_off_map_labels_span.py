"""Newcomer s56 #10 (its classify half, left by s56 nc): `aef classify --labels offpts.csv` of lon/lat points off the
map said "lie outside the grid read either way ... give points on the map and say their CRS" without saying where the
map is, which similarity's off-map words give. The words now give the map's lon/lat span, in Python and the CLI."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelError
from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture
def emb():
    e = embedding_from_array(random_unit((12, 16), seed=1),
                             coords={"y": 4987835.0 - 10 * np.arange(12), "x": 735245.0 + 10 * np.arange(16)})
    return e.assign_attrs(crs="EPSG:32631")


def _span(text):
    m = re.search(r"which spans lon (\S+)\.\.(\S+), lat (\S+)\.\.(\S+) in EPSG:4326", text)
    assert m, text
    return [float(v) for v in m.groups()]


def _check(emb, text):
    w, e, s, n = _span(text)
    lon, lat = to_crs(emb.x.values[[0, -1]], emb.y.values[[-1, 0]], "EPSG:32631", "EPSG:4326")
    assert w < lon[0] < lon[1] < e and s < lat[0] < lat[1] < n, (text, lon, lat)
    assert e - w < 0.01 and n - s < 0.01


@pytest.mark.parametrize("cols", [("lon", "lat"), ("x", "y")])   # x/y of no CRS: read either way (was no span)
def test_python_classify_off_map_gives_the_span(emb, cols):
    pts = pd.DataFrame({cols[0]: [6.5, 6.6], cols[1]: [45.0, 45.0], "label": ["a", "b"]})
    with pytest.raises(LabelError) as e:
        emb.aef.classify(pts)
    assert "outside the grid" in str(e.value)
    _check(emb, str(e.value))


def test_cli_classify_off_map_gives_the_span(emb, tmp_path, capsys):
    emb.aef.to_cog(tmp_path / "e.tif")
    (tmp_path / "off.csv").write_text("x,y,label\n6.5,45.0,a\n6.6,45.0,b\n")
    assert main(["classify", "--embeddings", str(tmp_path / "e.tif"), "--labels", str(tmp_path / "off.csv"),
                 "--out", str(tmp_path / "c.tif")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "outside the grid" in err and "--crs EPSG:4326" in err, err
    _check(emb, err)
