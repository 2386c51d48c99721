"""read_official_tiff of a map already read (a DataArray) is refused early, naming from_official. Was: rasterio's
TypeError carrying the whole repr of the array."""
import pytest

from alphaearth_nb.core import DTypeError
from alphaearth_nb.embeddings import read_official_tiff
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_map_is_refused_naming_from_official():
    da = embedding_from_array(random_unit((4, 3), seed=0))
    with pytest.raises(DTypeError, match="from_official") as e:
        read_official_tiff(da)
    assert len(str(e.value)) < 300, e.value   # no repr of the map
    with pytest.raises(DTypeError, match="from_official"):
        read_official_tiff(da.to_dataset(name="e"))
