"""Points given with `crs=` the very text the map records (UTM 31N on GRS80 with +towgs84=0,0,0, as GDAL 2 wrote
PROJ.4 text) are in the map's CRS: the map's text is read at its place (crs_of: EPSG:25831 in France), and so is
the same text given beside it (same_crs of the map, a71f635). The off-map messages compared that text with
`crs_of(map)`, two strings, so they said the points' extent again 'as given ... in' the CRS's whole WKT, and the
advice 'if they are not in EPSG:25831, pass the CRS they are in', as if another CRS had been given (geo.pixel_indices,
geo.crs_advice, places.off_map_hint). The map is 5 x 4 pixels of 10 m from x 500 000, y 4 983 000 (45 N 3 E)."""
import pandas as pd
import pytest

from alphaearth_nb import geo, places
from alphaearth_nb.core import NoDataWarning, PointError
from alphaearth_nb.grids import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

UTM31 = "+proj=utm +zone=31 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"
MAP = embedding_from_array(random_unit((4, 5), seed=6), coords=grid_coords(4, 5, x0=500_000., y0=4_983_000.), crs=UTM31)
OFF = (600_015., 4_982_985.)   # 100 km east of the map, in its own CRS


def test_pixel_indices_names_no_other_crs():
    with pytest.raises(PointError) as e:
        geo.pixel_indices(MAP, [OFF[0]], [OFF[1]], given=([OFF[0]], [OFF[1]], UTM31))
    said = str(e.value)
    assert "first: x=600015.0, y=4982985.0;" in said and "BOUNDCRS" not in said   # one CRS: x, y once


def test_crs_advice_is_the_maps_own():
    said = geo.crs_advice(MAP, [OFF[0]], [OFF[1]], UTM31)
    assert "if they are not in" not in said and "BOUNDCRS" not in said


def test_sample_off_map_says_the_points_once():
    with pytest.warns(NoDataWarning) as w:
        places.sample(MAP, pd.DataFrame({"x": [OFF[0]], "y": [OFF[1]]}), crs=UTM31)
    said = " ".join(str(r.message) for r in w if issubclass(r.category, NoDataWarning))
    assert "as given" not in said and "BOUNDCRS" not in said
