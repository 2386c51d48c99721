"""One rule for a longitude's range at every door it enters (session 47's note, "Left"): a longitude within one turn
of -180..180 (+-540 degrees: -180..180, 0..360, spans written past either end) is read and moved by whole turns onto
the map; beyond it, the same refusal naming the wrap `(lon + 180) % 360 - 180`. Was: 360.0001 read, 720.00025 refused
as "projected coordinates (metres)", -719.9 read as (xs, ys) but refused as a table's lon/lat ("far outside the area
of use"), a bbox past 540 "not (west, south, east, north)", a WKT area any number of turns away read, and a signed
degree text '-200°' in a longitude column refused while the number -200 in it was read."""
import re
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

from alphaearth_nb import geo, geometries, mirrors
from alphaearth_nb.core import AEFError
from alphaearth_nb.tables import table_numbers
from alphaearth_nb.testing import embedding_from_array, random_unit

LON = 10.0 + 0.0005 * np.arange(6)
LAT = 45.0 - 0.0005 * np.arange(4)
X, Y = float(LON[2]), float(LAT[1])   # a pixel centre


def emb(xs=LON):
    return embedding_from_array(random_unit((4, 6), seed=1), coords={"y": LAT, "x": xs}, crs="EPSG:4326")


def _deg(v): return f"{v}°"


DOORS = {   # each door a longitude enters, given longitude `lon` at latitude Y
    "sample (xs, ys)": lambda lon: emb().aef.sample(([lon], [Y]), crs="EPSG:4326")["inside"].item(),
    "similarity (x, y), no crs": lambda lon: emb().aef.similarity((lon, Y)).notnull().any().item(),
    "sample table lon/lat": lambda lon: emb().aef.sample(pd.DataFrame({"lon": [lon], "lat": [Y]}))["inside"].item(),
    "GeoDataFrame": lambda lon: geometries.read_geometries(gpd.GeoDataFrame(geometry=[Point(lon, Y)], crs=4326)) is not None,
    "grid x": lambda lon: geo.check_grid_degrees(emb(LON + (lon - X))) is None,
    "bbox": lambda lon: not mirrors.area_of((lon - 0.01, Y - 0.01, lon + 0.01, Y + 0.01)).is_empty,
    "WKT area": lambda lon: not mirrors.area_of(f"POINT ({lon} {Y})").is_empty,
    "GeoJSON area": lambda lon: not mirrors.area_of({"type": "Point", "coordinates": [lon, Y]}).is_empty,
    "degree text": lambda lon: bool(np.isfinite(table_numbers(pd.DataFrame({"lon": [_deg(lon)]}), "lon")).all()),
}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("turns", [-1, 1])
def test_one_turn_away_is_read(door, turns):
    lon = X + 360.0 * turns   # 370.001, -349.999: within +-540
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert DOORS[door](lon)


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("lon", [720.00025, -719.9, X + 720.0, 540.5])
def test_past_a_turn_is_refused_alike_naming_the_wrap(door, lon):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(AEFError) as err:
            DOORS[door](lon)
    msg = str(err.value)
    said = re.search(r"longitude (-?[\d.]+) lies more than a turn beyond -180\.\.180", msg)
    assert said and abs(float(said.group(1)) - lon) < 0.02   # the value (a bbox's edge, the grid's last column)
    assert "`lon = (lon + 180) % 360 - 180`" in msg and "-540..540" in msg


def test_the_wrap_named_is_the_place():
    with pytest.raises(AEFError) as err:
        geo.check_degrees([X + 720.0], [Y])
    wrapped = (X + 720.0 + 180) % 360 - 180
    assert f"is {wrapped:g})" in str(err.value)
    assert emb().aef.sample(([wrapped], [Y]), crs="EPSG:4326")["inside"].item()   # and that place is on the map


def test_metres_still_read_as_metres():
    with pytest.raises(AEFError, match="projected coordinates"):
        geo.check_degrees([500_000.0], [4_980_000.0])
