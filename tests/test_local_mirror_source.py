"The LocalMirror that build_local_mirror returns is a source, as its folder is."
import numpy as np
import pytest

pytest.importorskip("rioxarray")
pytest.importorskip("geopandas")
from alphaearth_nb import official as off


def test_a_local_mirror_object_is_a_source(tmp_path):
    """`m = build_local_mirror(root)`, then `official.open(area, source=m)` (or `sample_points`, `tiles`): refused with
    MirrorError 'no aef_index.parquet in LocalMirror(...)', although the index is there: only its folder was read.
    Right: the object reads as its root."""
    try: m = off.build_local_mirror(tmp_path / "m", years=(2024,), size=32)
    except Exception as e: pytest.skip(f"no shared data: {e}")
    ix = m.index
    box = (ix.wgs84_west.min(), ix.wgs84_south.max(), ix.wgs84_east.max(), ix.wgs84_north.min())
    assert off.mirror_of(m) == off.mirror_of(m.root)
    assert len(off.tiles(box, 2024, source=m)) == len(off.tiles(box, 2024, source=m.root)) == 3
    np.testing.assert_array_equal(off.open(box, 2024, source=m).values, off.open(box, 2024, source=m.root).values)
    a, b = (off.sample_points(([6.0], [45.0]), 2024, source=s) for s in (m, m.root))
    assert a.inside.tolist() == b.inside.tolist() == [True]
