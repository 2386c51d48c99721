"""`cog_files.resampled_attrs` (to_cog's AEF_RESAMPLED tag) passed as the product's own pixels any 10 m map in a
WGS 84 / UTM CRS: the product reprojected into a neighbouring zone's CRS (a zone-31 area put in EPSG:32632, as one
may to join it to a zone-32 map) or shifted off the tiles' 10 m lines (`rio.reproject` onto a grid moved by 5 m,
`interp`). Now the pixel edges must lie on whole multiples of 10 m (as `official.open` reads the tiles) and the map's
centre within a tile (81.92 km) of its CRS's zone, north or south as it says. The product has no polar (UPS) tiles:
its folders are the 120 UTM zones (1-60 N and S), so EPSG:32661/32761 stay resampled."""
import numpy as np
import pytest

pytest.importorskip("rasterio")
from pyproj import Transformer

from alphaearth_nb.cog_files import resampled_attrs
from alphaearth_nb.embeddings import OFFICIAL_COLLECTION
from alphaearth_nb.testing import embedding_from_array, random_unit


def _at(lon, lat, crs, shift=0.0):
    "An official 8 x 8 map of 10 m pixels in `crs` around lon/lat, its edges on the 10 m lines (moved by `shift` m)."
    x, y = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    x0, y0 = np.floor(x / 10) * 10 + 5 + shift, np.floor(y / 10) * 10 - 5 + shift
    c = {"x": x0 + 10.0 * np.arange(8), "y": y0 - 10.0 * np.arange(8)}
    e = embedding_from_array(random_unit((8, 8), seed=1), coords=c, crs=crs)
    return e.assign_attrs(source=OFFICIAL_COLLECTION, **{"embedding:model": OFFICIAL_COLLECTION})


def _said(e):
    return resampled_attrs(e, dict(e.attrs)).get("resampled")


@pytest.mark.parametrize("lon, lat, crs", [(3.0, 45.0, "EPSG:32631"), (-70.0, -33.0, "EPSG:32719"),
                                           (5.99, 45.0, "EPSG:32632"),    # zone 31, within a tile of zone 32
                                           (6.5, 69.5, "EPSG:32631"),     # zone 32 at 69.5 N: a tile is ~2 deg
                                           (10.0, 0.3, "EPSG:32732")])    # a south tile reaching past the equator
def test_the_products_own_pixels_say_nothing(lon, lat, crs):
    assert _said(_at(lon, lat, crs)) is None


def test_a_map_reprojected_into_another_zone_is_said_made():
    said = _said(_at(3.0, 45.0, "EPSG:32632"))                       # zone 31's middle in zone 32's CRS
    assert "zone 31N" in said and "zone 32N" in said and "another zone" in said   # was no tag
    assert "zone 31N" in _said(_at(3.0, 45.0, "EPSG:32731"))        # north of the equator, a south zone's CRS


@pytest.mark.parametrize("shift", [5.0, 2.5, -0.01])
def test_a_map_shifted_off_the_ten_metre_lines_is_said_made(shift):
    said = _said(_at(3.0, 45.0, "EPSG:32631", shift))
    assert said and "off the product's 10 m lines" in said          # was no tag
