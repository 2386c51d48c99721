"""`stores.stac_item` of a GeoTIFF with a CRS but no geotransform (rasterio's identity: x/y are pixel numbers) gave an
item whose footprint was 0 .. W x 0 .. H metres at the CRS's origin (in the sea off Africa for EPSG:32631), silently;
one of neither CRS nor geotransform was told a line setting the CRS only, after which it gave that same footprint.
Now the first is a GridError naming the missing geotransform and a line that sets it (X0, Y0 to fill in), the second's
words name both."""
import numpy as np
import pytest

from alphaearth_nb.core import CRSError, GridError
from alphaearth_nb.stores import stac_item

pytest.importorskip("pystac")
rasterio = pytest.importorskip("rasterio")


def _tif(p, **kw):
    with rasterio.open(p, "w", driver="GTiff", height=4, width=5, count=1, dtype="float32", **kw) as f:
        f.write(np.zeros((1, 4, 5), np.float32))
    return p


@pytest.mark.filterwarnings("ignore")
def test_a_crs_over_pixel_numbers_is_refused_naming_the_geotransform(tmp_path):
    p = _tif(tmp_path / "px.tif", crs="EPSG:32631")
    with pytest.raises(GridError, match=r"no geotransform.*d\.transform = affine\.Affine\(10, 0, X0"):
        stac_item(p)                                                           # was an item off the real place


@pytest.mark.filterwarnings("ignore")
def test_no_crs_nor_geotransform_names_both(tmp_path):
    p = _tif(tmp_path / "none.tif")
    with pytest.raises(CRSError, match=r"d\.crs = .*no geotransform either.*d\.transform"):
        stac_item(p)


@pytest.mark.filterwarnings("ignore")
def test_a_lonlat_file_is_not_told_a_pixel_of_10_degrees(tmp_path):
    "The line hardcoded `Affine(10, ...)`, '10 its pixel size': 10 degrees for an EPSG:4326 file (s55 r3 #6)."
    import shlex
    p = _tif(tmp_path / "ll.tif", crs="EPSG:4326")
    with pytest.raises(GridError, match=r"0 .. 5 x 0 .. 4 degrees at.*Affine\(S, 0, X0, 0, -S, Y0\).*S its pixel size in degrees") as err:
        stac_item(p)
    code = shlex.split(str(err.value).split("`python -c ")[1].rsplit("` (", 1)[0])[0]
    exec(code.replace("S,", "0.0001,").replace("-S", "-0.0001").replace("X0", "2.0").replace("Y0", "48.0"), {})
    item = stac_item(p)                                                    # the line as filled in: the place
    assert item.bbox == pytest.approx([2.0, 48.0 - 4e-4, 2.0 + 5e-4, 48.0])
