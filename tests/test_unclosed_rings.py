"A vector file whose polygon rings are not closed (last point not the first) is read with them closed, warned."
import json

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb.analysis import classify
from alphaearth_nb.core import GridWarning
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.geometries import read_geometries
from alphaearth_nb.testing import embedding_from_array, random_unit

X0, Y0 = 500_000.0, 5_000_000.0   # embedding_from_array's grid: x from 500,000, y down from 5,000,000 (10 m)


def _square(x, y, d=60.0, closed=True):
    ring = [[x, y], [x + d, y], [x + d, y - d], [x, y - d]]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]] if closed else ring]}


def _file(tmp_path, closed):
    feats = [{"type": "Feature", "properties": {"label": lab}, "geometry": _square(X0 + dx, Y0 - 20, closed=c)}
             for lab, dx, c in (("crop", 20, closed), ("forest", 120, True))]
    fc = {"type": "FeatureCollection", "features": feats,
          "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32631"}}}
    p = tmp_path / ("open.geojson" if not closed else "closed.geojson")
    p.write_text(json.dumps(fc))
    return p


def test_unclosed_rings_are_read_closed_and_said(tmp_path):
    # was: shapely.errors.GEOSException 'Points of LinearRing do not form a closed linestring' (no file, no fix)
    p = _file(tmp_path, closed=False)
    with pytest.warns(GridWarning, match=r"open\.geojson holds polygon rings that are not closed.*on_invalid='fix'"):
        g = read_geometries(p)
    ref = read_geometries(_file(tmp_path, closed=True))
    assert g.geometry.is_valid.all() and g.geometry.geom_equals(ref.geometry).all()


def test_classify_and_aggregate_of_unclosed_rings_match_closed_ones(tmp_path):
    emb = embedding_from_array(random_unit((20, 30), seed=1))
    want_c, want_a = classify(emb, _file(tmp_path, True), k=1), aggregate(emb, _file(tmp_path, True))
    with pytest.warns(GridWarning, match="not closed"):
        got_c = classify(emb, _file(tmp_path, False), k=1)
    with pytest.warns(GridWarning, match="not closed"):
        got_a = aggregate(emb, _file(tmp_path, False))
    np.testing.assert_array_equal(got_c["class"].values, want_c["class"].values)
    pd.testing.assert_frame_equal(pd.DataFrame(got_a.drop(columns="geometry")), pd.DataFrame(want_a.drop(columns="geometry")))


def test_closed_rings_read_silently(tmp_path):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(read_geometries(_file(tmp_path, closed=True))) == 2
