"""A map whose x or y is not a grid gets the fix that makes it one, the same from every function (kind B).

Two official tiles concatenated with their overlap (`xr.concat([a, b], 'x')`) repeat columns; tiles concatenated
west after east leave x unsorted. Point lookups (similarity at a point, classify, regress) said 'not monotonic:
sort it with sortby', which leaves the repeated columns; sample, coarsen, aggregate and to_cog said 'not regularly
spaced: resample onto a regular grid first (official.open(..., geobox=...))' for both, though a sort or dropping the
repeats is all it takes. Each message's fix, run as written, now gives the map that works."""
import re

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import GridError, band_names
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((5, 10), seed=4))


def _bad(emb, how):
    if how == "overlap": return xr.concat([emb.isel(x=slice(0, 6)), emb.isel(x=slice(4, 10))], "x")
    if how == "unsorted": return xr.concat([emb.isel(x=slice(5, 10)), emb.isel(x=slice(0, 5))], "x")
    if how == "overlap-unsorted": return xr.concat([emb.isel(x=slice(4, 10)), emb.isel(x=slice(0, 6))], "x")
    return xr.concat([emb.isel(y=slice(3, 5)), emb.isel(y=slice(0, 3))], "y")   # rows: south tile first


CALLS = {
    "similarity": lambda m, e: m.aef.similarity((float(e.x[7]), float(e.y[2]))),
    "classify": lambda m, e: m.aef.classify(pd.DataFrame({"x": e.x.values[[0, 9]], "y": e.y.values[[0, 4]],
                                                          "label": [1, 2]}), k=1)["class"],
    "sample": lambda m, e: m.aef.sample(pd.DataFrame({"x": e.x.values[[1, 8]], "y": e.y.values[[1, 3]]}),
                                        crs="EPSG:32631")[band_names()],
    "coarsen": lambda m, e: m.aef.coarsen(5),
    "aggregate": lambda m, e: m.aef.aggregate(tile=5)[band_names()],
}


@pytest.mark.parametrize("how", ["overlap", "unsorted", "overlap-unsorted", "rows"])
@pytest.mark.parametrize("call", list(CALLS))
def test_an_axis_that_is_no_grid_is_told_the_fix_that_works(emb, how, call):
    bad = _bad(emb, how)
    with pytest.raises(GridError) as err:
        CALLS[call](bad, emb)
    msg = str(err.value)
    assert "official.open" not in msg
    fix = re.search(r"`(obj = obj\.[^`]+)`", msg)
    assert fix, msg
    env = {"obj": bad}
    exec(fix[1], env)
    got, ref = CALLS[call](env["obj"], emb), CALLS[call](emb, emb)
    if isinstance(ref, pd.DataFrame): np.testing.assert_allclose(got.to_numpy(), ref.to_numpy(), atol=1e-6)
    else: xr.testing.assert_allclose(got.sortby("y", ascending=False), ref.sortby("y", ascending=False))
