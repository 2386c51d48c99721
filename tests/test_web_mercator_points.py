"""Points in Web Mercator (EPSG:3857, the metres of web maps: points clicked on Leaflet, OpenLayers or a QGIS project
of web tiles) given without `crs=` are told the CRS that puts them on the map (kinds B and G).

They lie off a UTM map read either way the package reads points without a CRS (the map's CRS, lon/lat), and the
advice was "give points on the map and say their CRS, `crs='EPSG:4326'` or `crs='EPSG:32631'`": the two readings just
tried. Right: `crs_guess` tries EPSG:3857 too, and the message's `crs=` fix, run as written, reads them right."""
import re
import warnings

import numpy as np
import pandas as pd
import pyproj
import pytest

from alphaearth_nb.analysis import classify, similarity
from alphaearth_nb.core import LabelError, PointError
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

RC = [(0, 0), (3, 4), (7, 2), (5, 6)]


@pytest.fixture(scope="module")
def emb():   # a 10 m UTM 31N map near 45 N, 3 E
    return embedding_from_array(random_unit((8, 8), seed=4))


def _points(emb, crs):
    t = pyproj.Transformer.from_crs("EPSG:32631", crs, always_xy=True)
    x, y = t.transform([float(emb.x[c]) for _, c in RC], [float(emb.y[r]) for r, _ in RC])
    return pd.DataFrame({"x": x, "y": y, "label": [1, 2, 1, 2]})


def _fix(msg):
    return re.search(r"pass `crs=('EPSG:\d+')`", msg)[1].strip("'")


def test_similarity_names_web_mercator_and_its_fix_reads_the_pixel(emb):
    p = _points(emb, "EPSG:3857").iloc[1]
    with pytest.raises(PointError) as e:
        similarity(emb, (p.x, p.y))
    assert "they lie on it read in EPSG:3857: pass `crs='EPSG:3857'`" in str(e.value), e.value
    s = similarity(emb, (p.x, p.y), crs=_fix(str(e.value)))
    assert np.nanargmax(s.values) == np.ravel_multi_index(RC[1], s.shape)   # the pixel at (3, 4), itself: cosine 1


def test_classify_and_sample_name_it_and_the_fix_equals_lon_lat(emb):
    pts = _points(emb, "EPSG:3857")
    with pytest.raises(LabelError) as e:
        classify(emb, pts, k=1)
    got = classify(emb, pts, k=1, crs=_fix(str(e.value)))["class"].values
    want = classify(emb, _points(emb, "EPSG:4326"), k=1)["class"].values   # lon/lat: read without a word
    np.testing.assert_array_equal(got, want)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        out = sample(emb, pts)
    assert not out["inside"].any() and any("pass `crs='EPSG:3857'`" in str(m.message) for m in w)
