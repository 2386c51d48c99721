"""A stack's source on the reference's lattice over another extent (sentinel1 cut to 30 of sentinel2's 40 rows) is
told a fix in the stack's names that runs and keeps the source's dates: `ds = ds.reindex(y=stack['sentinel2'].y,
x=stack['sentinel2'].x, method='nearest', tolerance=2.5)` (geo.one_lattice_hint). Was (841aaff): 'put the second on
the first's pixels, `other = other.reindex_like(emb, ...)`': the second is sentinel2, the reference; the names are no
stack's; and reindex_like, run on a source, takes the reference's dates too (sentinel2's 146 for sentinel1's 61: NaN)."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import GridError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source


def test_a_source_over_another_extent_is_told_the_stacks_fix(crop):
    ds = crop["sentinel1"].to_dataset().isel(y=slice(0, 30))
    stack = with_source(crop, "sentinel1", ds)
    with pytest.raises(GridError) as e:
        validate_stack(stack)
    said = str(e.value)
    fix = re.findall(r"`(ds = ds\.reindex\(y=stack\['sentinel2'\]\.y, x=stack\['sentinel2'\]\.x, [^`]*)`", said)
    assert len(fix) == 1 and "other.reindex_like" not in said and "(emb," not in said, said
    names = {"ds": ds, "stack": stack}
    exec(fix[0], names)
    ds = names["ds"]
    assert ds.sizes["y"] == 40 and bool(ds.VV.isel(y=slice(30, None)).isnull().all())
    np.testing.assert_array_equal(ds.VV.isel(y=slice(0, 30)).values, crop["sentinel1"].VV.isel(y=slice(0, 30)).values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # rows of no data may be warned
        validate_stack(with_source(crop, "sentinel1", ds))
