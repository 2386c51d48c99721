"N19-12: a bare (a, b) tuple is grid coordinates to `similarity`; degrees given to a projected map get the fix named."
import numpy as np
import pytest
from pyproj import Transformer

from alphaearth_nb.core import PointError
from alphaearth_nb.geo import crs_of
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_degrees_to_a_projected_map_name_crs_4326():
    e = embedding_from_array(random_unit((6, 6), seed=3))                        # a UTM grid (metres)
    x, y = float(e.x[2]), float(e.y[3])
    lon, lat = Transformer.from_crs(crs_of(e), "EPSG:4326", always_xy=True).transform(x, y)
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    with pytest.raises(PointError, match=r"looks like degrees.*crs='EPSG:4326'"):
        e.aef.similarity((lon, lat))
    # the fix the message names works: the same pixel as its grid coordinates
    np.testing.assert_allclose(e.aef.similarity((lon, lat), crs="EPSG:4326").values,
                               e.aef.similarity((x, y)).values, atol=1e-6)
    # metres off the grid: no degrees hint, the grid's CRS named as before
    with pytest.raises(PointError, match="give coordinates in the grid's CRS") as err:
        e.aef.similarity((x - 50_000.0, y))
    assert "degrees" not in str(err.value)
    # degrees given with their CRS but off the map: not "pass crs=EPSG:4326" again
    with pytest.raises(PointError) as err:
        e.aef.similarity((lon + 1.0, lat), crs="EPSG:4326")
    assert "like degrees" not in str(err.value)
