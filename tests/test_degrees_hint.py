"N19-12, geo.point_crs: a bare (a, b) tuple on a projected map is read the way it lies on the map (grid coordinates or degrees)."
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
    # geo.point_crs (ef7514c): degrees that lie on the projected map only as lon/lat are read so: the same pixel
    np.testing.assert_allclose(e.aef.similarity((lon, lat)).values, e.aef.similarity((x, y)).values, atol=1e-6)
    np.testing.assert_allclose(e.aef.similarity((lon, lat), crs="EPSG:4326").values,
                               e.aef.similarity((x, y)).values, atol=1e-6)
    # metres off the grid: no degrees hint, the grid's CRS named as before
    with pytest.raises(PointError, match=r"outside the grid read either way.*crs='EPSG:32631'") as err:
        e.aef.similarity((x - 50_000.0, y))
    assert "degrees" not in str(err.value)
    # degrees given with their CRS but off the map: not "pass crs=EPSG:4326" again
    with pytest.raises(PointError) as err:
        e.aef.similarity((lon + 1.0, lat), crs="EPSG:4326")
    assert "like degrees" not in str(err.value)
