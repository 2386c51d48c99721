"mirrors.open_tile keeps the tile's geotransform, as read_cog does: a one-pixel selection of a tile knows its size."
import numpy as np
import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.exports import read_cog, to_cog
from alphaearth_nb.mirrors import open_tile
from alphaearth_nb.spatial import geotransform
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.mark.parametrize("bottom_up", [False, True])
def test_open_tile_keeps_the_geotransform(tmp_path, bottom_up):
    "It dropped spatial_ref: geotransform(open_tile(...)) was None, so a one-pixel strip could not be written."
    e = embedding_from_array(random_unit((6, 5), seed=2), {"x": 500005.0 + 10 * np.arange(5),
                                                         "y": 4000055.0 - 10 * np.arange(6)}, "EPSG:32631")
    p = to_cog(e, tmp_path / "t.tif", overviews=False, bottom_up=bottom_up)
    t = open_tile(str(p))
    assert geotransform(t) == geotransform(read_cog(p))
    gt = geotransform(t)   # GDAL's order (x0, a, b, y0, d, e)
    assert gt[1] == 10 and gt[5] == -10 and gt[0] == 500000 and gt[3] == 4000060   # north-up, the pixel corners
    assert t.attrs["crs"] == read_cog(p).attrs["crs"] and t.dtype == np.int8
    one = t.isel(y=[2], x=[3])
    back = read_cog(to_cog(one, tmp_path / "one.tif", overviews=False))
    assert back.x.values.tolist() == [500035.0] and back.y.values.tolist() == [4000035.0]
