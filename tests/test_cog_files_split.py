"""How a GeoTIFF of ours is written (the profile, the tile side and overview factors, the int8 scheme's tags, the
window loop of a lazy embedding, the stage that becomes the COG) lives in `cog_files` (25c, beside exports), so
exports stays under its cap (it was at 594 of 600 lines, session 46); exports re-exports each public name, so `from
alphaearth_nb.exports import check_blocksize` works as before. cog_profile, write_windows and cog_stage were
exports' privates (_profile, _write_rows, _cog_stage): public now that two modules read them."""
import numpy as np
import pytest
import rasterio

from alphaearth_nb.core import ConfigError
from alphaearth_nb.testing import embedding_from_array, random_unit

NAMES = ["SCHEME_SOURCE", "cog_tags", "check_blocksize", "overview_factors", "cog_profile", "write_windows", "cog_stage"]


def test_exports_reexports_the_cog_files_names(reexported):
    "Hand-worked: 512.0 is 512 and 100 no multiple of 16; a 2048 x 1000 image in 512 tiles needs overviews 2 and 4 " \
    "(2048 / 4 = 512 fits one block); the int8 tags name the no-data -128."
    cf, ex = reexported("cog_files", "exports", NAMES)
    from alphaearth_nb.exports import check_blocksize, cog_tags, overview_factors   # the old spelling
    assert check_blocksize(512.0) == 512 and overview_factors(2048, 1000, 512) == [2, 4]
    with pytest.raises(ConfigError, match="multiple of 16"): check_blocksize(100)
    assert cog_tags("int8")["AEF_NODATA"] == "-128" and cog_tags("int8")["AEF_SCHEME_SOURCE"] == ex.SCHEME_SOURCE
    assert not any(hasattr(ex, n) for n in ("_profile", "_write_rows", "_cog_stage", "_pull"))


def test_to_cog_still_writes_through_the_moved_parts(tmp_path):
    "A 40 x 40 embedding in 16-pixel tiles: the file holds its int8 codes (read back within the scheme's bound), the " \
    "overviews 2 and 4 (`overview_factors`: 40 / 2 = 20 > 16, 40 / 4 = 10 fits one tile) and the tags `cog_tags` gives."
    from alphaearth_nb.exports import read_cog, to_cog
    from alphaearth_nb.cog_files import cog_tags, overview_factors
    emb = embedding_from_array(random_unit((40, 40), seed=3))
    p = to_cog(emb, tmp_path / "e.tif", blocksize=16)
    with rasterio.open(p) as f:
        assert f.overviews(1) == overview_factors(40, 40, 16) == [2, 4] and f.tags()["AEF_NODATA"] == cog_tags("int8")["AEF_NODATA"]
    back = read_cog(p).values
    assert np.abs(back - emb.values).max() < 0.02


def test_the_split_modules_keep_under_the_cap(split_module_check):
    split_module_check("cog_files", 260)
    split_module_check("exports", 510)   # 470 until s52: +class palette (ids 0..255 distinct), cluster names
    split_module_check("map_files", 250)   # s53: the palette, category names, measure and map door, out of exports and cog_files
