"""sample of (x, y) arrays with no crs= that are feet given as metres names the feet and the scaling, as it does with
crs= and for an x/y table without it (geo.crs_advice through places.off_map_hint). Was (a591be8): the arrays' hint
was judged as lon/lat only, so it said 'give coordinates in the grid's CRS, or pass the CRS they are in' (session
34's review). The named scaling, run as written, reads the right pixels."""
import numpy as np
import pytest

from alphaearth_nb.core import NoDataWarning, band_names
from alphaearth_nb.geo import to_crs
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, grid_coords, random_unit


@pytest.mark.parametrize("f,name", [(1200 / 3937, "US survey feet"), (0.3048, "international feet")])
def test_arrays_in_feet_without_crs_are_named_feet(f, name):
    (x,), (y,) = to_crs([2.347], [48.853], "EPSG:4326", "EPSG:32631")
    e = embedding_from_array(random_unit((10, 10), seed=3), coords=grid_coords(10, 10, x0=round(x), y0=round(y)),
                             crs="EPSG:32631")
    xs, ys = e.x.values[[3, 6]].astype(float), e.y.values[[2, 7]].astype(float)   # pixels (2, 3) and (7, 6)
    with pytest.warns(NoDataWarning, match=rf"{name} \(x {f:.7g} m\).*a factor 3\.2808.*`x \* {f!r}, y \* {f!r}`"):
        s = sample(e, (xs / f, ys / f))
    assert not s["inside"].any()
    s = sample(e, (xs / f * f, ys / f * f))                                  # the fix as named
    np.testing.assert_allclose(s[band_names()].to_numpy(), e.values[[2, 7], [3, 6]], rtol=1e-6)
