"""`embed(tile=32, buffer=0)` on a 32-px model cut the map into tiles that meet with no overlap to blend: hard seams
every 32 px (newcomer s55: beside a default map they read as change, max 0.53 on the seams where the real year's was
0.14), with no word. Now a `SeamWarning` names the settings and the default tiling (AEF.md S6: tiles overlap)."""
import warnings

import jax
import pytest

from alphaearth_nb.core import SeamWarning
from alphaearth_nb.embed import embed
from alphaearth_nb.model import AlphaEarth, preset
from alphaearth_nb.windows import tiling, warn_seams


def test_tiles_without_overlap_on_a_map_of_several_are_warned():
    with pytest.warns(SeamWarning, match=r"tile 32 with buffer 0 and trim 0: the tiles meet with no overlap.*every 32 px"
                                         r".*defaults \(tile 24, buffer 4\)"):
        warn_seams(tiling(32, tile=32, buffer=0), 100, 101)
    with pytest.warns(SeamWarning, match="tile 24 with buffer 4 and trim 4"):
        warn_seams(tiling(32, trim=4), 50, 50)   # trim = buffer: the hard cut


def test_the_default_tiling_and_a_map_of_one_tile_are_quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("error", SeamWarning)
        warn_seams(tiling(32), 100, 101)   # tile 24, buffer 4, trim 0: an 8-px blend
        warn_seams(tiling(32, tile=32, buffer=0), 32, 20)   # one tile: no seam


def test_embed_says_it(embed_standin):
    tree = embed_standin.make_stack(40, 40, seed=1, hole=False).drop_nodes("sentinel1")
    tiny = AlphaEarth(preset("tiny"), key=jax.random.key(0))
    with pytest.warns(SeamWarning, match="40 x 40 px map holds hard seams every 32 px"):
        embed(tree, tiny, 2024, progress=False, batch_size=4, tile=32, buffer=0)


def test_a_patch_under_8_px_is_advised_a_tiling_that_overlaps():
    "Its defaults are buffer 0: 'leave tile and buffer to their defaults (tile 4, buffer 0)' advised the settings warned (s56 r1 #14)."
    with pytest.warns(SeamWarning, match=r"pass tile=2, buffer=1") as w:
        warn_seams(tiling(4), 10, 10)
    assert "defaults (tile 4, buffer 0)" not in str(w[0].message)
    tl = tiling(4, tile=2, buffer=1)   # the advice, taken: quiet
    assert tl.overlap > 0
    with pytest.warns(SeamWarning, match=r"no tiling of a 3 px patch overlaps"):
        warn_seams(tiling(3), 10, 10)
