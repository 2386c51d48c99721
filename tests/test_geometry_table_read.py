"""`read_geometries` reads a plain table whose places are a geometry column of WKT as `read_places` reads it: points
in `crs=` (without it the GridError naming the column and `crs=`), polygons as a GeoDataFrame in `crs=` (without it
'the table's 'geometry' column says no CRS').
Was (s42 hunt): read_geometries(pd.DataFrame({'geometry': WKT texts}), crs='EPSG:32631') was LabelError 'the table has
no lon/lat or x/y columns (has ['geometry', 'label']) ...', while read_places read it."""
import pandas as pd
import pytest

from alphaearth_nb.core import GridError
from alphaearth_nb.places import read_geometries, read_places

pytest.importorskip("geopandas")

PTS = pd.DataFrame({"geometry": ["POINT (500015 4999985)", "POINT (500025 4999975)"], "label": [1, 2]})
POLY = pd.DataFrame({"geometry": ["POLYGON ((500000 4999900, 500100 4999900, 500100 5000000, 500000 4999900))"],
                     "label": [7]})


def test_points_of_a_wkt_column_read_as_read_places_reads_them():
    g = read_geometries(PTS, crs="EPSG:32631")
    assert g.crs.to_epsg() == 32631 and g["label"].tolist() == [1, 2]
    assert g.geometry.x.tolist() == [500015.0, 500025.0] and g.geometry.y.tolist() == [4999985.0, 4999975.0]
    assert g.geometry.equals(read_places(PTS, crs="EPSG:32631").geometry)
    with pytest.raises(GridError, match=r"a table of WKT points in its 'geometry' column needs their CRS"):
        read_geometries(PTS)


def test_polygons_of_a_wkt_column():
    g = read_geometries(POLY, crs="EPSG:32631")
    assert g.crs.to_epsg() == 32631 and g.geom_type.tolist() == ["Polygon"] and g.area.tolist() == [5000.0]
    assert g["label"].tolist() == [7] and not g.attrs
    with pytest.raises(GridError, match=r"^the table's 'geometry' column says no CRS \(its shapes say none\): pass"):
        read_geometries(POLY)
