"""Several places as a list of WKT texts are read, as the docs and the refusal itself promise (kind B's forms).

`sample(emb, ['POINT (x y)', ...], crs='EPSG:32631')` raised LabelError 'cannot read places from list: pass ...
shapely geometries or WKT (with `crs=`)': a list of WKT, with `crs=`. `aggregate` of WKT polygons and
`read_geometries` (whose docstring says 'WKT text (one, or a list)') the same. Right: read as a table's geometry
column of WKT is: `crs=`, else the texts' SRIDs (EWKT), else the one rule on a map; a Series keeps its index."""
import numpy as np
import pandas as pd
import pytest

pytest.importorskip("geopandas")

from alphaearth_nb.cubes import aggregate
from alphaearth_nb.geometries import read_geometries
from alphaearth_nb.places import sample

R, C = np.array([1, 5, 7, 10, 2]), np.array([2, 9, 3, 11, 6])
BANDS = [f"A{i:02d}" for i in range(64)]


@pytest.fixture(scope="module")
def emb(utm_emb):
    return utm_emb(4)


def _points(emb, srid=""):
    return [f"{srid}POINT ({a} {b})" for a, b in zip(emb.x.values[C], emb.y.values[R])]


@pytest.mark.parametrize("form", ["list", "tuple", "ewkt", "no crs"])
def test_sample_of_wkt_points(emb, form):
    pts = _points(emb, "SRID=32631;" if form == "ewkt" else "")
    kw = {} if form in ("ewkt", "no crs") else {"crs": "EPSG:32631"}
    out = sample(emb, tuple(pts) if form == "tuple" else pts, **kw)
    assert out["inside"].all()
    np.testing.assert_allclose(out[BANDS].to_numpy(), emb.values[R, C], atol=1e-6)


def test_a_series_keeps_its_index(emb):
    out = sample(emb, pd.Series(_points(emb), index=list("abcde")), crs="EPSG:32631")
    assert out.index.tolist() == list("abcde")
    np.testing.assert_allclose(out[BANDS].to_numpy(), emb.values[R, C], atol=1e-6)


def test_wkt_polygons(emb):
    step = float(emb.x[1] - emb.x[0])
    polys = [f"POLYGON (({a - step} {b - step}, {a + step} {b - step}, {a + step} {b + step}, {a - step} {b + step}, "
             f"{a - step} {b - step}))" for a, b in zip(emb.x.values[C], emb.y.values[R])]
    g = read_geometries(polys, crs="EPSG:32631")
    assert len(g) == 5 and g.crs.to_epsg() == 32631 and set(g.geom_type) == {"Polygon"}
    assert len(aggregate(emb, polys, crs="EPSG:32631")) == 5
