"""Labels given as (lat, lon) are told so by classify and regress, as sample and similarity tell it (kind B).

Points in lon/lat with the two swapped (a GPS export written latitude first, `Point(lat, lon)`) land far off a
projected map. `sample` warns and `similarity` raises naming the swap (`geo.SWAP_HINT`); `classify`, `regress` and
`training_set` said only 'give coordinates in the grid's CRS (or pass crs=)', though the points said their CRS."""
import geopandas as gpd
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def case():
    e = embedding_from_array(random_unit((6, 6), seed=2))    # UTM 31N near 3 E, 45.1 N
    lon, lat = to_crs(e.x.values[[0, 5, 2]], e.y.values[[0, 5, 3]], e.attrs["crs"], "EPSG:4326")
    return e, lon, lat


@pytest.mark.parametrize("form", ["lonlat columns", "geodataframe"])
def test_swapped_lonlat_labels_are_named_in_classify_and_regress(case, form):
    e, lon, lat = case
    if form == "lonlat columns":
        good = pd.DataFrame({"lon": lon, "lat": lat, "label": [1, 2, 1], "value": [1.0, 2.0, 3.0]})
        bad = good.rename(columns={"lon": "lat", "lat": "lon"})
    else:
        good = gpd.GeoDataFrame({"label": [1, 2, 1], "value": [1.0, 2.0, 3.0]}, geometry=gpd.points_from_xy(lon, lat),
                                crs="EPSG:4326")
        bad = good.set_geometry(gpd.points_from_xy(lat, lon), crs="EPSG:4326")
    e.aef.classify(good, k=1); e.aef.regress(good)          # the points as they are: on the map
    with pytest.raises(LabelError, match="swapped"):
        e.aef.classify(bad, k=1)
    with pytest.raises(LabelError, match="swapped"):
        e.aef.regress(bad)


def test_points_truly_off_the_map_are_not_called_swapped(case):
    e, lon, lat = case
    far = pd.DataFrame({"lon": lon + 1.0, "lat": lat, "label": [1, 2, 1]})
    with pytest.raises(LabelError, match="outside the grid") as err:
        e.aef.classify(far, k=1)
    assert "swapped" not in str(err.value)
