"No fill is ever a neighbour: the index and its exact reference hold only the rows the map's gate calls embeddings."
import importlib.util

import numpy as np
import pytest

from alphaearth_nb import index as aix
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit

INSTALLED = [b for b in aix.BACKENDS if importlib.util.find_spec(b)]


def _quantised_with_fills():
    "A 5 x 6 quantised map: (0, 0) the -128 fill, (1, 1) all codes 0 (the zero vector), (3, 4) one code everywhere."
    q = embedding_from_array(random_unit((5, 6), 0)).aef.quantize()
    q.values[0, 0], q.values[1, 1], q.values[3, 4] = -128, 0, 16
    return q


@pytest.mark.skipif(not INSTALLED, reason="no ANN backend: pip install 'alphaearth_nb[retrieval]'")
@pytest.mark.parametrize("backend", INSTALLED)
def test_quantised_map_indexes_the_pixels_its_float_map_has(backend):
    """Int8 codes all 0 decode to the zero vector, no data by field case A3 (the dequantised map has NaN there), but
    `build` of the quantised map kept it (only -128 was a fill): 29 of 30 pixels indexed and the zero pixel returned
    as a neighbour. Right: the pixels indexed are those the dequantised map has data at, and no other is found."""
    q = _quantised_with_fills()
    has = np.isfinite(as_embedding(q).values).all(-1)
    ix = aix.build(q, backend=backend)
    assert sorted(zip(ix.rows.rows.tolist(), ix.rows.cols.tolist())) == sorted(zip(*map(list, np.nonzero(has))))
    m = ix.search(q.isel(y=2, x=3), k=30)
    found = {(r, c) for r, c, i in zip(m.rows, m.cols, m.ids) if i >= 0}
    assert (2, 3) == (m.rows[0], m.cols[0]) and len(found) == has.sum()
    assert not found & {(0, 0), (1, 1), (3, 4)}


def test_exact_search_never_returns_a_fill_row():
    """`exact_search`, the recall reference, scored a NaN row NaN and returned it as a neighbour once k reached it
    (and a -128 or zero code row likewise); k > N gave fewer than k columns. Right: such rows are never a neighbour;
    slots beyond the valid rows are position -1 with score -inf, as `VectorIndex.search` pads them."""
    x = random_unit((4,), seed=3).astype(np.float32)
    v = np.concatenate([x, np.full((1, 64), np.nan, np.float32), np.zeros((1, 64), np.float32)])
    pos, sc = aix.exact_search(v, x[0], k=8)
    assert pos.shape == sc.shape == (8,)   # one query: (k,), as `search`
    hand = x.astype(np.float64) @ x[0].astype(np.float64)
    order = np.argsort(-hand, kind="stable")
    np.testing.assert_array_equal(pos, list(order) + [-1] * 4)
    np.testing.assert_allclose(sc[:4], hand[order], atol=1e-6)
    assert np.isneginf(sc[4:]).all()
    codes = np.asarray(_quantised_with_fills().values).reshape(-1, 64)
    pos, _ = aix.exact_search(codes, codes[15], k=30)
    assert pos[0] == 15 and not set(pos) & {0, 7, 22} and (pos[27:] == -1).all()
    assert aix.recall_at(pos[:27], pos) == 1.0   # -1 slots of the truth are no neighbour to find


def test_a_fill_in_one_band_leaves_the_row_out_by_the_gate_alone():
    """`index._valid` checked -128 codes and non-finite bands itself before the gate; the gate makes such a row NaN,
    so the check was dropped. Rows with one -128 code, one NaN or one inf band are still left out with the warning
    that counts them, and a table of nothing else is still `NoValidDataError`."""
    from alphaearth_nb.core import NoValidDataError
    x = random_unit((6,), seed=4).astype(np.float32)
    codes = np.asarray(embedding_from_array(x[None]).aef.quantize().values)[0]   # (6, 64) int8
    codes[0, 5] = -128
    f = x.copy(); f[1, 2], f[2, 9] = np.nan, np.inf
    for v, gone in ((codes, {0}), (f, {1, 2})):
        with pytest.warns(NoDataWarning, match=f"{len(gone)} of 6 vectors are not embeddings"): rows = aix.vectors_of(v)
        assert set(rows.ids.tolist()) == set(range(6)) - gone
    with pytest.raises(NoValidDataError, match="nothing to index"): aix.vectors_of(np.full((3, 64), -128, np.int8))
    with pytest.raises(NoValidDataError, match="nothing to index"): aix.vectors_of(np.where(f[1:2] > 0, np.nan, f[1:2]))
