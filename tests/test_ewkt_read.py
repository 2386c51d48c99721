"""EWKT (PostGIS's `ST_AsEWKT`: 'SRID=32631;POINT (x y)', 'srid=' in any case) is read wherever WKT is: a similarity
query is that point in its SRID's CRS, a label table's geometry column (EWKT text or EWKB) its shapes in that CRS, WKT
text of places (`aggregate`, `sample`) needs no `crs=`; `crs=` naming another CRS, or a column of two SRIDs, is a
GridError. Was (9448032a): 'a similarity query holds text, not numbers (Unable to parse string 'SRID=32631;POINT
...'): ... cast them', and "the label table lacks columns ['x', 'y'] (has ['geometry', 'label'])"; EWKB's SRID was
read as no CRS (x/y in the map's CRS or lon/lat, by `point_crs`)."""
import numpy as np
import pandas as pd
import pytest

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")

from alphaearth_nb.core import GridError
from alphaearth_nb.geo import to_crs
from alphaearth_nb.geometries import geometry_points
from alphaearth_nb.testing import embedding_from_array, random_unit

R, C = np.array([0, 1, 2, 5, 6, 7]), np.array([1, 4, 7, 2, 5, 8])


def _map():
    return embedding_from_array(random_unit((8, 10), seed=6))


@pytest.mark.parametrize("text", ["SRID=32631;POINT ({x} {y})", "srid=32631; point({x} {y})",
                                  "SRID=4326;POINT ({lon} {lat})", "  SRID=4326;POINT Z ({lon} {lat} 10)"])
def test_ewkt_point_query_is_that_point_in_its_srid(text):
    e = _map()
    x, y = float(e.x[5]), float(e.y[3])
    (lon,), (lat,) = to_crs([x], [y], "EPSG:32631", "EPSG:4326")
    s = e.aef.similarity(text.format(x=x, y=y, lon=lon, lat=lat))
    np.testing.assert_allclose(s.values, e.aef.similarity((x, y), crs="EPSG:32631").values, atol=1e-6)
    assert s.values[3, 5] == pytest.approx(1.0, abs=1e-5)


def test_ewkt_point_with_another_crs_is_refused():
    e = _map()
    with pytest.raises(GridError, match=r"SRID says EPSG:4326.*`crs=` names another.*drop `crs=`"):
        e.aef.similarity("SRID=4326;POINT (3 45.1)", crs="EPSG:32631")


@pytest.mark.parametrize("srid", [32631, 4326])
def test_ewkt_and_ewkb_label_columns_are_their_points(tmp_path, srid):
    e = _map()
    xs, ys = e.x.values[C], e.y.values[R]
    if srid == 4326: xs, ys = to_crs(xs, ys, "EPSG:32631", "EPSG:4326")
    labels = [1, 2, 1, 2, 1, 2]
    g = gpd.GeoDataFrame({"label": labels}, geometry=gpd.points_from_xy(xs, ys), crs=f"EPSG:{srid}")
    want = e.aef.classify(g, k=1)["class"].values
    np.testing.assert_array_equal(want[R, C], labels)
    pts = [shapely.set_srid(p, srid) for p in g.geometry]
    forms = {"ewkt": [f"SRID={srid};{p.wkt}" for p in g.geometry],
             "ewkb hex": [shapely.to_wkb(p, hex=True, include_srid=True) for p in pts],
             "ewkb": [shapely.to_wkb(p, include_srid=True) for p in pts]}
    for name, cells in forms.items():
        t = pd.DataFrame({"label": labels, "geometry": cells})
        out = geometry_points(t)
        assert out.crs == f"EPSG:{srid}", name
        np.testing.assert_array_equal(e.aef.classify(t, k=1)["class"].values, want, err_msg=name)
    pd.DataFrame({"label": labels, "geometry": forms["ewkt"]}).to_csv(tmp_path / "l.csv", index=False)
    np.testing.assert_array_equal(e.aef.classify(str(tmp_path / "l.csv"), k=1)["class"].values, want)


def test_ewkt_multipoint_and_polygon_keep_their_srid():
    e = _map()
    x0, y0 = float(e.x[0]) - 5, float(e.y[0]) + 5
    field = shapely.box(x0, y0 - 30, x0 + 30, y0)
    want = e.aef.aggregate(gpd.GeoDataFrame({"label": [1]}, geometry=[field], crs="EPSG:32631"))
    got = e.aef.aggregate(f"SRID=32631;{field.wkt}")
    bands = [f"A{i:02d}" for i in range(64)]
    np.testing.assert_allclose(got[bands].to_numpy(float), want[bands].to_numpy(float), atol=1e-6)
    t = geometry_points(pd.DataFrame({"label": [1], "geometry": [f"srid=32631;MULTIPOINT ({x0} {y0}, {x0 + 10} {y0})"]}))
    assert t.crs == "EPSG:32631" and t.geom_type.tolist() == ["MultiPoint"]


def test_a_column_of_two_srids_is_refused():
    t = pd.DataFrame({"label": [1, 2], "geometry": ["SRID=32631;POINT (500005 4999995)", "SRID=4326;POINT (3 45)"]})
    with pytest.raises(GridError, match=r"'geometry' column says 2 SRIDs \(EPSG:32631, EPSG:4326\)"):
        geometry_points(t)


def test_ewkt_area_is_moved_to_lonlat():
    from alphaearth_nb.mirrors import area_of
    wkt = "POLYGON ((5.99 44.99, 6.01 44.99, 6.01 45.01, 5.99 45.01, 5.99 44.99))"
    assert area_of("srid=4326;" + wkt).equals(area_of(wkt))
    xs, ys = to_crs([5.99, 6.01, 6.01, 5.99], [44.99, 44.99, 45.01, 45.01], "EPSG:4326", "EPSG:32631")
    utm = "SRID=32631;POLYGON ((" + ", ".join(f"{x} {y}" for x, y in zip([*xs, xs[0]], [*ys, ys[0]])) + "))"
    np.testing.assert_allclose(area_of(utm).bounds, (5.99, 44.99, 6.01, 45.01), atol=1e-9)
