"""A path handed where vectors or a query are wanted is named as a path, with how to load it (session 31's left-alone
twin of 41f323a). `index.exact_search('v.npy', q)`, `VectorIndex.search('q.npy')` and `similarity(emb, 'q.npy')`
read the path as number text through `bands.query_array` and said 'holds text, not numbers (Unable to parse string
'v.npy' ...): pass the 64 band values ... or cast them', a fix that does not apply. Now `DTypeError` (as
`as_embedding`'s for a path where a map is wanted) naming `np.load(path)`, which, run as written, works."""

import numpy as np
import pytest

from alphaearth_nb import index
from alphaearth_nb.analysis import similarity
from alphaearth_nb.bands import query_array
from alphaearth_nb.core import DTypeError
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((4, 4), seed=2))


def test_a_path_at_each_vector_door_is_named_with_how_to_load_it(emb, tmp_path):
    v = emb.values.reshape(-1, 64)
    path = tmp_path / "v.npy"
    np.save(path, v)
    ix = index.build(emb)
    for call in (lambda p: index.exact_search(p, v[:2]), lambda p: index.exact_search(v, p), lambda p: ix.search(p),
                 lambda p: similarity(emb, p)):
        for p in (str(path), path, "v.npy"):
            with pytest.raises(DTypeError, match=r"got the path .*v\.npy'?: load it first, e\.g\. `np\.load\(path\)`") as e:
                call(p)
            assert "holds text" not in str(e.value)
    pos, _ = index.exact_search(np.load(path), v[:2], k=1)   # the fix as named
    assert pos.ravel().tolist() == [0, 1]


def test_number_text_is_still_read_as_numbers():
    "A CSV line split (a list of number text) is read as its numbers; a word among them still 'holds text'."
    row = [f"{x:.6f}" for x in random_unit((1,), seed=3).ravel()]
    np.testing.assert_allclose(query_array(row), np.asarray(row, float))
    from alphaearth_nb.core import DimensionError
    with pytest.raises(DimensionError, match="holds text"):
        query_array(["abc"] * 64)
