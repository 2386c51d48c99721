"""A refused write's other path is one that takes the write (kind G3: a fix that fails).

`to_cog(emb, 'draft.tif')` where draft.tif is a user's file but no GeoTIFF was refused, rightly, and told to
"write the COG to another path, e.g. 'draft.tif'": the same name, refused again. `to_cog(emb, 'notes.txt')` beside
an existing notes.tif was told 'notes.tif', which then says 'already exists'. Right: a path beside the target, of
the output's suffix, that holds nothing (draft_2.tif, notes_2.tif), and writing there works."""
import re

import pytest

from alphaearth_nb.core import NotOursError
from alphaearth_nb.exports import map_to_cog, read_cog, to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((4, 4), seed=0))


def _named(write, p):
    with pytest.raises(NotOursError) as e:
        write(p)
    return re.search(r"another path, e\.g\. '([^']+)'", str(e.value)).group(1)


@pytest.mark.parametrize("cog", [to_cog, lambda e, p, **kw: map_to_cog(e.isel(band=0), p, **kw)])
def test_the_other_path_is_free(emb, tmp_path, cog):
    p = tmp_path / "draft.tif"
    p.write_text("my draft\n")   # a user's file named .tif, no GeoTIFF
    other = _named(lambda q: cog(emb, q), p)
    assert other == str(tmp_path / "draft_2.tif")   # was 'draft.tif': the file refused
    (tmp_path / "draft_2.tif").write_text("another\n")
    assert _named(lambda q: cog(emb, q), p) == str(tmp_path / "draft_3.tif")
    cog(emb, other.replace("_2", "_3"))             # the named path takes the write
    assert p.read_text() == "my draft\n"


def test_a_taken_sibling_is_not_named(emb, tmp_path):
    to_cog(emb, tmp_path / "notes.tif")             # a COG written before, beside the user's notes
    n = tmp_path / "notes.txt"
    n.write_text("notes\n")
    other = _named(lambda q: to_cog(emb, q), n)
    assert other == str(tmp_path / "notes_2.tif")   # was 'notes.tif': 'already exists' on the next try
    assert read_cog(to_cog(emb, other)).shape == (4, 4, 64)
