"""`embedding_files.open_embeddings` (public for Python) took an unknown keyword with Python's bare TypeError, and its
docstring promised (y, x, band) where one GeoTIFF gives the raw (band, y, x). Now a keyword door (`core.checks_flags`)
names the parameter meant, and the docstring says what a single file gives (and `exports.read_cog` for (y, x, band))."""
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.embedding_files import open_embeddings


def test_an_unknown_keyword_is_named():
    with pytest.raises(ConfigError, match="'var'"): open_embeddings("nowhere.zarr", vr="x")


def test_the_docstring_says_what_one_file_gives():
    assert "(band, y, x)" in open_embeddings.__doc__ and "read_cog" in open_embeddings.__doc__
