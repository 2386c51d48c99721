"""A path given to `index.build` (`build('emb.zarr')`, a `Path` to a GeoTIFF) is named as a path with the readers
that open it, `as_embedding`'s `DTypeError` (d316a94's words for every other door), by `index.vectors_of`. Was:
DimensionError 'a index vector holds text, not numbers (Unable to parse string 'emb.zarr' ...): pass the 64 band
values, e.g. `row[band_names()]`, or cast them', a fix that does not apply."""
import importlib.util
from pathlib import Path

import pytest

from alphaearth_nb import index
from alphaearth_nb.core import DTypeError


@pytest.mark.parametrize("path", ["emb.zarr", Path("tile.tif")])
def test_a_path_given_to_the_index_names_the_readers(path):
    with pytest.raises(DTypeError, match=r"got the path '(emb\.zarr|tile\.tif)': load it first.*open_zarr.*read_cog"):
        index.vectors_of(path)
    if any(importlib.util.find_spec(m) for m in ("usearch", "faiss")):   # build picks its backend first
        with pytest.raises(DTypeError, match="got the path"):
            index.build(path)
