"""An embedding GeoTIFF cut short (its header whole, its tiles ending early: an interrupted download or copy) is the
package's MissingDataError naming the file, GDAL's reason and the fix, read eagerly or with chunks. Was rasterio's
RasterioIOError 'Read failed. See previous exception for details.', the reason hidden in the exception chain."""
import pytest

from alphaearth_nb.core import MissingDataError
from alphaearth_nb.exports import read_cog, to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rioxarray")


@pytest.mark.parametrize("chunks", [None, {"y": 16, "x": 16}])
def test_a_cog_cut_short_names_the_file_and_gdals_reason(tmp_path, chunks):
    good = to_cog(embedding_from_array(random_unit((64, 64), seed=3)), tmp_path / "tile.tif", blocksize=16,
                  overviews=False)
    cut = tmp_path / "cut.tif"
    cut.write_bytes(good.read_bytes()[: int(good.stat().st_size * 0.6)])
    with pytest.raises(MissingDataError, match=r"cut\.tif opens as a GeoTIFF but its pixels cannot be read "
                                               r"\(.*expected \d+.*\): the file is damaged or cut short.*again"):
        read_cog(cut, chunks=chunks)
    assert read_cog(good, chunks=chunks).shape == (64, 64, 64)   # the whole file reads as before
