"""A `crs=` given as a pyproj CRS object (a GeoDataFrame's `.crs`, `rio.crs` turned into one) or as WKT is named
shortly in refusals of lon/lat under a projected CRS: 'crs= is projected (EPSG:3857)'. Was: `crs={crs!r}`, the
object's repr (a dozen lines: name, axes, area of use, datum) or the WKT (over 1000 characters)."""
import pandas as pd, pytest
from pyproj import CRS
from alphaearth_nb.core import AEFError
from alphaearth_nb.testing import embedding_from_array, random_unit

MERC = CRS("EPSG:3857")

def _emb():   # 6 x 6 pixels, EPSG:32631 at x 500 km, y 5000 km
    return embedding_from_array(random_unit((6, 6)))

def _said(call):
    with pytest.raises(AEFError) as e: call()
    msg = str(e.value)
    assert "EPSG:3857" in msg and "<Projected CRS" not in msg and "PROJCRS[" not in msg and "\n" not in msg, msg
    assert len(msg) < 500, len(msg)
    return msg

@pytest.mark.parametrize("crs", [MERC, MERC.to_wkt()])
def test_a_query_point_in_degrees(crs):
    from alphaearth_nb.analysis import similarity
    _said(lambda: similarity(_emb(), {"lon": 3.0, "lat": 45.0}, crs=crs))

@pytest.mark.parametrize("crs", [MERC, MERC.to_wkt()])
def test_a_label_table_in_degrees(crs):
    from alphaearth_nb.supervised import label_points
    df = pd.DataFrame({"lon": [3.0, 3.1], "lat": [45.0, 45.1], "label": [1, 2]})
    _said(lambda: label_points(df, "label", crs=crs))

@pytest.mark.parametrize("crs", [MERC, MERC.to_wkt()])
def test_a_table_of_places_in_degrees(crs):
    from alphaearth_nb.analysis import classify
    df = pd.DataFrame({"lon": [3.0, 3.1], "lat": [45.0, 45.1], "label": [1, 2]})
    _said(lambda: classify(_emb(), df, crs=crs))

def test_two_crs_fix_is_typed():
    from alphaearth_nb.geometries import agreed_crs
    with pytest.raises(AEFError) as e: agreed_crs(CRS("EPSG:4326"), MERC, "labels")
    msg = str(e.value)
    assert "set_crs('EPSG:3857', allow_override=True)" in msg and "<Projected CRS" not in msg, msg
