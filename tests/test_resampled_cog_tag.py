"""A coarsened official map written by `to_cog` kept the product's tags alone (AEF_SOURCE, AEF_MODEL, AEF_TIME) on
20 m pixels, with no word that each pixel was made from others: read back, it passed for the product's own 10 m
pixels. A map made from the product's pixels now says how, attr `resampled` and tag AEF_RESAMPLED, read back by
`read_cog`: `cubes.coarsen` its blocks, a warped `official.open` its resampling, and `to_cog` of an official map on
other pixels that says not how (xarray's `coarsen(...).mean()`) its pixel size, how not recorded."""
import numpy as np
import pytest

pytest.importorskip("rasterio")
import rasterio

from alphaearth_nb.cubes import coarsen
from alphaearth_nb.embeddings import from_official
from alphaearth_nb.exports import read_cog, to_cog
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit


def _official():
    return from_official(fake_official(embedding_from_array(random_unit((16, 16), seed=1))))


def _tags(tmp_path, m, name):
    to_cog(m, tmp_path / f"{name}.tif", overviews=False)
    with rasterio.open(tmp_path / f"{name}.tif") as f: return f.tags()


def test_each_made_map_says_how_and_the_product_itself_does_not(tmp_path):
    e = _official()
    assert "AEF_RESAMPLED" not in _tags(tmp_path, e, "own")                         # the product's own 10 m pixels
    t = _tags(tmp_path, coarsen(e, 2), "co")
    assert t["AEF_RESAMPLED"] == "each pixel the mean direction of 2 x 2 pixels (cubes.coarsen)"
    assert t["AEF_SOURCE"] == e.attrs["source"]                                     # its origin kept beside it
    assert read_cog(tmp_path / "co.tif").attrs["resampled"] == t["AEF_RESAMPLED"]  # read back
    xm = _tags(tmp_path, e.coarsen(x=2, y=2).mean().assign_attrs(e.attrs), "xm")
    assert "pixels of 20 x 20" in xm["AEF_RESAMPLED"] and "how is not recorded" in xm["AEF_RESAMPLED"]
    twice = coarsen(coarsen(e, 2), 2).attrs["resampled"]
    assert twice.count("2 x 2") == 2                                               # each step said


def test_a_map_of_our_own_model_gets_no_guess(tmp_path):
    e = embedding_from_array(random_unit((16, 16), seed=2))   # no official source: no product pixels to compare
    t = _tags(tmp_path, e.coarsen(x=2, y=2).mean().assign_attrs(e.attrs), "own")
    assert "AEF_RESAMPLED" not in t
    assert np.isfinite(read_cog(tmp_path / "own.tif").values).all()
