"""A map whose coordinates are international feet under a State Plane CRS in metres is told its CRS in feet where
EPSG has it in international feet only (Arizona Central: EPSG:26949 in metres, EPSG:2223 '(ft)', no '(ftUS)'), as a
US-survey-feet state is (New York Long Island, EPSG:32118 -> EPSG:2263). Both feet put the points on an 8 x 8 map
(2 ppm apart), and the advice took the first, US survey feet, whose twin Arizona lacks: '<its CRS in feet>' (found by
session 34's review). The named CRS, written as advised, reads the right pixels."""
import numpy as np
import pytest

from alphaearth_nb.geo import crs_advice, to_crs, write_crs
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, grid_coords, random_unit
from alphaearth_nb.core import band_names


@pytest.mark.parametrize("metres,feet,lon,lat", [("EPSG:26949", "EPSG:2223", -111.9, 33.45),    # Arizona Central (ft)
                                                 ("EPSG:32118", "EPSG:2263", -73.95, 40.75)])   # NY Long Island (ftUS)
def test_a_map_in_feet_names_the_crs_in_its_feet(metres, feet, lon, lat):
    (x,), (y,) = to_crs([lon], [lat], "EPSG:4326", metres)
    e = embedding_from_array(random_unit((8, 8), seed=4), coords=grid_coords(8, 8, x0=round(x), y0=round(y)), crs=metres)
    plon, plat = to_crs(e.x.values[[1, 5]].astype(float), e.y.values[[2, 6]].astype(float), metres, "EPSG:4326")
    fx, fy = to_crs(e.x.values.astype(float), e.y.values.astype(float), metres, feet)
    ft = e.assign_coords(x=fx, y=fy)                                          # the same grid in feet, labelled metres
    px, py = to_crs(plon, plat, "EPSG:4326", metres)
    said = crs_advice(ft, px, py)
    assert f"aef.geo.write_crs(emb, {feet!r})" in said and "<its CRS in feet>" not in said, said
    s = sample(write_crs(ft, feet), (plon, plat))                             # the fix as named
    np.testing.assert_allclose(s[band_names()].to_numpy(), e.values[[2, 6], [1, 5]], rtol=1e-6)
