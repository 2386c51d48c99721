"""`aef change` of two files on one grid over different extents (a year exported over a larger box) said "are not on
one grid, so no pixel of one is a pixel of the other" and told a `rio warp` with resampling, while Python's
`change` says they share one grid and need only a reindex (the newcomer of s56, #8). The command now maps the
change where both have pixels, a `GridWarning` saying so, equal to Python's change of the reindexed maps; two
grids that are not one lattice (half a pixel off) are still refused with the warp."""
import numpy as np
import pytest
import rioxarray  # noqa: F401

from alphaearth_nb import analysis
from alphaearth_nb.cli import main
from alphaearth_nb.core import GridWarning
from alphaearth_nb.exports import read_cog, to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_the_overlap_is_mapped_as_python_maps_it(tmp_path, capsys):
    small = embedding_from_array(random_unit((8, 10), seed=1))
    big = embedding_from_array(random_unit((14, 12), seed=2))
    big = big.assign_coords(x=big.x.values - 30, y=big.y.values + 20)   # 3 pixels west, 2 north of small's corner
    to_cog(small, tmp_path / "a.tif", overviews=False); to_cog(big, tmp_path / "b.tif", overviews=False)
    with pytest.warns(GridWarning, match=r"lie on one grid over different extents: the change is mapped where both "
                                         r"have pixels, 9 x 8 \(width x height\)"):
        rc = main(["change", "--embeddings", str(tmp_path / "a.tif"), "--embeddings", str(tmp_path / "b.tif"),
                   "--out", str(tmp_path / "c.tif")])
    assert rc == 0, capsys.readouterr().err
    got = rioxarray.open_rasterio(tmp_path / "c.tif").squeeze("band", drop=True)
    a, b = read_cog(tmp_path / "a.tif"), read_cog(tmp_path / "b.tif")   # the files' vectors (int8 codes)
    want = analysis.change(a.isel(x=slice(0, 9)), b.reindex(y=a.y, x=a.x[:9], method="nearest", tolerance=2.5))
    np.testing.assert_allclose(got.values, want.values, atol=1e-6)
    np.testing.assert_allclose(got.x.values, small.x.values[:9])


def test_two_lattices_are_still_refused(tmp_path, capsys):
    small = embedding_from_array(random_unit((8, 10), seed=1))
    off = embedding_from_array(random_unit((8, 10), seed=2))
    off = off.assign_coords(x=off.x.values + 5)   # half a pixel east: no pixel of one is a pixel of the other
    to_cog(small, tmp_path / "a.tif", overviews=False); to_cog(off, tmp_path / "b.tif", overviews=False)
    assert main(["change", "--embeddings", str(tmp_path / "a.tif"), "--embeddings", str(tmp_path / "b.tif"),
                 "--out", str(tmp_path / "c.tif")]) == 2
    assert "rio warp" in capsys.readouterr().err
