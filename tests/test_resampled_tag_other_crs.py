"""`cog_files.resampled_attrs` (to_cog's AEF_RESAMPLED tag of an official map on other pixels than the product's)
compared the pixel size alone: the product reprojected onto 10 m pixels of another CRS (`rio.reproject('EPSG:3035',
resolution=10)`, NAD83 / UTM) passed for the product's own pixels, with no word that each was made from others. And it
called `grids.pixel_size`, whose GridError on a one-pixel strip (its transform no longer fits) stopped a tag: a tag
never stops a write. The product's pixels are 10 m (`core.PIXEL_M`, the one figure `mirrors.RESOLUTION` reads) in a
WGS 84 / UTM zone."""
import numpy as np
import pytest

pytest.importorskip("rasterio")
import rasterio

from alphaearth_nb.cog_files import resampled_attrs
from alphaearth_nb.core import PIXEL_M
from alphaearth_nb.embeddings import OFFICIAL_COLLECTION, from_official
from alphaearth_nb.exports import to_cog
from alphaearth_nb.mirrors import RESOLUTION
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit


def _official(crs="EPSG:32631", x0=500_005.0, y0=4_999_995.0):
    c = {"x": x0 + 10.0 * np.arange(8), "y": y0 - 10.0 * np.arange(8)}
    e = embedding_from_array(random_unit((8, 8), seed=1), coords=c, crs=crs)
    return e.assign_attrs(source=OFFICIAL_COLLECTION, **{"embedding:model": OFFICIAL_COLLECTION})


@pytest.mark.parametrize("crs, x0, y0", [("EPSG:3035", 4_000_005.0, 2_999_995.0),    # LAEA Europe
                                         ("EPSG:26918", 500_005.0, 4_499_995.0)])   # NAD83 / UTM 18N
def test_ten_metre_pixels_of_another_crs_are_said_made(tmp_path, crs, x0, y0):
    to_cog(_official(crs, x0, y0), tmp_path / "r.tif", overviews=False)
    with rasterio.open(tmp_path / "r.tif") as f: said = f.tags().get("AEF_RESAMPLED", "")
    assert "pixels of 10 x 10 in " + crs in said and "WGS 84 / UTM zone" in said   # was no tag


def test_the_products_own_pixels_say_nothing(tmp_path):
    for crs, y0 in (("EPSG:32631", 4_999_995.0), ("EPSG:32731", 5_999_995.0)):   # north and south zones
        e = _official(crs, y0=y0)
        assert "resampled" not in resampled_attrs(e, dict(e.attrs))
    e = from_official(fake_official(embedding_from_array(random_unit((8, 8), seed=2))))
    assert "resampled" not in resampled_attrs(e, dict(e.attrs))
    assert RESOLUTION == PIXEL_M == 10.0


def test_a_strip_whose_size_cannot_be_told_is_tagged_not_refused():
    e = _official()
    s = e.isel(x=slice(1, 2), y=slice(0, None, 2))   # one column; rows strided: 20 m apart
    s["spatial_ref"] = ((), 0, {"GeoTransform": "500000.0 10.0 0.0 5000000.0 0.0 -10.0", "crs_wkt": "EPSG:32631"})
    said = resampled_attrs(s, dict(e.attrs))["resampled"]   # was GridError from pixel_size
    assert "no size told" in said and "EPSG:32631" in said
