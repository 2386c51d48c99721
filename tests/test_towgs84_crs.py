"""A CRS spelt in PROJ.4 with a shift of none to WGS 84 (`+towgs84=0,0,0`: how GDAL 2, R's raster and old .prj files
write WGS 84, UTM and Lambert-93) is the CRS of its EPSG spelling (field case B2: the same CRS spelled twice):
`change` of two maps on one grid, one per spelling, is 0, and a label raster so spelt is on the map's own pixels.
A real shift or another datum still differs. Was: the bound CRS's source, datum 'Unknown based on WGS 84
ellipsoid using towgs84=0,0,0', equal to no EPSG CRS, so change raised 'different CRS (EPSG:4326 vs BOUNDCRS[...'."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import analysis, spatial
from alphaearth_nb.core import GridError
from alphaearth_nb.testing import embedding_from_array, random_unit

VEC = random_unit((4, 5), seed=6)
LONLAT = {"y": 45 - 1e-4 * np.arange(4), "x": 3 + 1e-4 * np.arange(5)}

SAME = [
    ("EPSG:4326", "+proj=longlat +ellps=WGS84 +towgs84=0,0,0 +no_defs", LONLAT),
    ("EPSG:4326", "+proj=longlat +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +no_defs", LONLAT),
    ("EPSG:32631", "+proj=utm +zone=31 +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs", None),
    ("EPSG:2154", "+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 "
                  "+towgs84=0,0,0,0,0,0,0 +units=m +no_defs", {"y": 6.6e6 - 10. * np.arange(4), "x": 7e5 + 10. * np.arange(5)}),
]


@pytest.mark.parametrize("a, b, coords", SAME)
def test_a_shift_of_none_is_the_epsg_crs(a, b, coords):
    assert spatial.same_crs(a, b) and spatial.same_crs(b, a)
    e1 = embedding_from_array(VEC, coords=coords, crs=a)
    e2 = embedding_from_array(VEC, coords=coords, crs=b)
    assert float(analysis.change(e1, e2).max()) < 1e-6          # the same vectors on the same pixels
    lab = xr.DataArray(np.arange(20).reshape(4, 5) % 3, dims=("y", "x"), coords={"y": e1.y, "x": e1.x}, attrs={"crs": b})
    with warnings.catch_warnings():
        warnings.simplefilter("error")                           # no 'the label raster is in another CRS' resampling
        out = analysis.classify(e1, lab, k=1)["class"]
    assert (out.values == lab.values).all()                       # each pixel trained on itself: its own label


@pytest.mark.parametrize("a, b", [
    ("EPSG:4326", "EPSG:4269"),                                                      # NAD83: another datum
    ("EPSG:32631", "+proj=utm +zone=31 +ellps=WGS84 +towgs84=10,0,0,0,0,0,0 +units=m +no_defs"),   # a real shift
    ("EPSG:32631", "+proj=utm +zone=32 +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"),   # another zone
])
def test_other_crs_still_differ(a, b):
    assert not spatial.same_crs(a, b)
    with pytest.raises(GridError, match="different CRS"):
        analysis.change(embedding_from_array(VEC, crs=a), embedding_from_array(VEC, crs=b))


def test_etrs89_utm_text_alone_fits_two_datums():
    """ETRS89 / UTM 31N (EPSG:25831) and RGSH2020 / UTM 31N (EPSG:22231, Algeria) share projection and ellipsoid, and
    EPSG gives each datum a null shift to WGS 84 (EPSG:1149, EPSG:10264), 2 m apart at most by EPSG: the text alone
    is kept as given and said (tests/test_bound_crs_fits). Was EPSG:25831, pyproj's first match."""
    from alphaearth_nb.core import MetadataWarning
    with pytest.warns(MetadataWarning, match=r"EPSG:25831 \(ETRS89 / UTM zone 31N\), EPSG:22231 \(RGSH2020"):
        assert not spatial.same_crs("EPSG:25831", "+proj=utm +zone=31 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m")
