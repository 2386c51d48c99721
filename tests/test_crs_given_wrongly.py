"""A table of UTM metres (columns x, y) classified with an explicit `crs='EPSG:4326'` (CLI: `--crs EPSG:4326`) was
refused 'pass their CRS (e.g. crs='EPSG:32631'), or name a table's columns x and y': columns already x and y, and the
mistake the explicit CRS itself. Where the points lie in the map's projected CRS, the fix now names that CRS: drop
`crs=` (`--crs`) or pass the map's; elsewhere the words stay."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import PointError
from alphaearth_nb.crs_checks import to_crs


def utm_table(emb):
    xs, ys = emb.x.values, emb.y.values
    return pd.DataFrame({"x": [xs[1], xs[5], xs[9], xs[2]], "y": [ys[1], ys[5], ys[9], ys[8]], "label": [0, 1, 0, 1]})


def test_classify_names_the_maps_crs(utm_emb):
    emb = utm_emb(3)
    assert float(np.abs(emb.x).max()) > 1000   # metres on the map
    with pytest.raises(PointError, match=r"drop `crs=`.* or pass `crs='EPSG:32631'`") as e:
        emb.aef.classify(utm_table(emb), crs="EPSG:4326")
    assert "name a table's columns x and y" not in str(e.value)
    said = shell_words(str(e.value), "evaluate")
    assert "drop `--crs`" in said and "`--crs EPSG:32631`" in said


def test_without_crs_the_table_is_read_on_the_map(utm_emb):
    emb = utm_emb(3)
    out = emb.aef.classify(utm_table(emb), k=1)   # the fix works: x/y read in the map's CRS
    assert out.sizes["x"] == emb.sizes["x"] and out.sizes["y"] == emb.sizes["y"]


def test_metres_far_from_the_map_keep_the_general_words():
    with pytest.raises(PointError, match="pass their CRS") as e:
        to_crs([7.36e5], [4.98e6], "EPSG:4326", "EPSG:4326")   # a geographic map: no projected CRS to name
    assert "drop `crs=`" not in str(e.value)
