"""`as_embedding(before_read=)` is public and its return was ignored before s56; `pixels.held` took it as (rows, cols)
of pixels to hold, so a lazy map with a `before_read` returning anything else failed with a bare `KeyError: 0`
(s56 r2). Now a return that is no pair is held as no pixels: the map is read as without it."""
import numpy as np
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.embeddings import as_embedding


def test_a_before_read_returning_its_form_attrs_reads_the_map():
    n = 64
    v = np.random.default_rng(0).normal(size=(n, n, 64)).astype("float32")
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    da = aef.geo.write_crs(xr.DataArray(v, dims=("y", "x", "band"), coords={
        "y": 1000. - 10 * np.arange(n), "x": 10. * np.arange(n), "band": [f"A{i:02d}" for i in range(64)]}),
        "EPSG:32631").chunk({"y": 32, "x": 32})
    out = as_embedding(da, before_read=lambda f: f.attrs)   # was: KeyError: 0
    np.testing.assert_allclose(out.values, v, atol=1e-6)
