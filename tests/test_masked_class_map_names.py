"""A named class map read back masked (`rioxarray.open_rasterio(p, masked=True)`: float32, NaN no data, the CF flags in
attrs) keeps its names on the way out again. Was: `map_to_cog` wrote it float32 without the names (no flag tags, no
class_names, no colour table, no categories: QGIS showed a grey ramp of 0..2) and `vectorize` gave the ids 0, 1, 2."""
import json

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.exports import map_to_cog, vectorize
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")
rioxarray = pytest.importorskip("rioxarray")


@pytest.fixture
def named(tmp_path):
    "classify's map of three named classes, with one pixel of no data, written by map_to_cog."
    e = embedding_from_array(random_unit((5, 6), seed=31))
    e[4, 5] = np.nan
    pos, names = [(0, 0), (2, 2), (4, 4), (1, 3)], ["forest", "crop", "forest", "water"]
    pts = pd.DataFrame({"x": [float(e.x[c]) for _, c in pos], "y": [float(e.y[r]) for r, _ in pos], "label": names})
    cls = e.aef.classify(pts, k=1)["class"]
    return cls, map_to_cog(cls, tmp_path / "first.tif")


@pytest.mark.parametrize("how", [{"masked": True}, {"mask_and_scale": True}])
def test_a_class_map_read_masked_is_written_as_it_was(named, tmp_path, how):
    cls, first = named
    back = rioxarray.open_rasterio(first, **how).squeeze("band", drop=True)
    assert back.dtype == np.float32 and np.isnan(back.values[4, 5])       # as rioxarray gives it
    again = map_to_cog(back, tmp_path / "again.tif")
    with rasterio.open(first) as a, rasterio.open(again) as b:
        assert b.dtypes == a.dtypes == ("uint8",) and b.nodata == a.nodata == 255   # was float32, NaN
        np.testing.assert_array_equal(b.read(1), a.read(1))
        assert json.loads(b.tags(1)["class_names"]) == ["crop", "forest", "water"]   # was no tag
        assert b.tags(1)["flag_meanings"] == "crop forest water"
        assert b.colormap(1)[1] == a.colormap(1)[1]                          # paletted as the first
    assert "crop" in open(f"{again}.aux.xml").read()                         # the categories QGIS shows
    g = vectorize(back, name="class")
    assert set(g["class"]) == {"crop", "forest", "water"}                    # was {0, 1, 2}
    assert sorted(set(g["class_id"])) == [0, 1, 2]


def test_a_float_map_of_unnamed_ids_or_a_score_is_written_as_before(named, tmp_path):
    cls, first = named
    back = rioxarray.open_rasterio(first, masked=True).squeeze("band", drop=True)
    plain = back.copy()
    plain.attrs = {k: v for k, v in back.attrs.items() if k not in ("flag_values", "flag_meanings", "class_names")}
    with rasterio.open(map_to_cog(plain, tmp_path / "plain.tif")) as f:
        assert f.dtypes == ("float32",)                                      # no names: the floats as given
    odd = back.where(back != 2, 7.0)                                         # an id the names do not cover
    with rasterio.open(map_to_cog(odd, tmp_path / "odd.tif")) as f:
        assert f.dtypes == ("float32",) and "class_names" not in f.tags(1)
