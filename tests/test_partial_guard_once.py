"""`exports.read_cog` and `stores.open_zarr` each guarded `files.refuse_partial` with `isinstance(path, Path)` (a URL
`input_path` gives back as text is no scratch copy of ours), s56 s3 #8: the guard is `refuse_partial`'s own now, so
every reader asks it alike. A URL named like a scratch copy passes; a local one is refused as before."""
import pytest

from alphaearth_nb.core import MissingDataError
from alphaearth_nb.files import refuse_partial


@pytest.mark.parametrize("url", ["s3://bucket/.emb.zarr.partial-123-0badc0de@host/a", "/vsis3/b/.m.tif.partial-1-0badc0de@h",
                                 "https://example.org/.m.tif.partial-99-0badc0de@h"])
def test_a_url_is_no_scratch_copy_of_ours(url):
    assert refuse_partial(url, "GeoTIFF") is None


def test_a_local_scratch_copy_is_refused(tmp_path):
    with pytest.raises(MissingDataError, match="scratch copy"):
        refuse_partial(tmp_path / ".m.tif.partial-99-0badc0de@h", "GeoTIFF")
