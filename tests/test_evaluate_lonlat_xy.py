"""Python `evaluate_embeddings(xy=<lon/lat>, spacing=50)` thinned in degrees: 50 'degrees' kept one point of 347, then
'classification needs at least two classes, got [2]' (s57 newcomer #16), where `aef evaluate` on the same map thins
in metres. lon/lat `xy` (degrees, not a grid's whole numbers) are now projected to their UTM zone first, warned
(GridWarning), and score as the same points given in metres."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import GridWarning
from alphaearth_nb.crs_checks import to_crs, utm_crs
from alphaearth_nb.evaluate import evaluate_embeddings


def test_lonlat_xy_are_thinned_in_metres():
    rng = np.random.default_rng(0)
    lon, lat = np.meshgrid(5.98 + 0.0001 * np.arange(20), 44.99 + 0.0001 * np.arange(20))   # ~8 x 11 m pixels
    lon, lat = lon.ravel(), lat.ravel()
    y = (np.arange(400) % 20) // 7   # three stripes of classes
    x = rng.normal(size=(400, 64)) + 3.0 * np.eye(64)[y]
    kw = dict(shots=(1,), folds=5, spacing=50, seed=0)
    with pytest.warns(GridWarning, match=r"xy look like lon/lat degrees .*spacing=50 is in metres, so they are "
                                         r"projected to EPSG:32631 first"):
        got = evaluate_embeddings(x, y, xy=np.c_[lon, lat], **kw)   # was: LabelError, one point kept
    utm = utm_crs(float(np.median(lon)), float(np.median(lat)))
    want = evaluate_embeddings(x, y, xy=np.column_stack(to_crs(lon, lat, "EPSG:4326", utm)), **kw)
    pd.testing.assert_frame_equal(pd.DataFrame(got), pd.DataFrame(want))
