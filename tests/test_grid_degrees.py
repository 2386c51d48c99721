"A geographic CRS on coordinates that cannot be degrees (UTM metres under a guessed EPSG:4326) is refused (B18-3)."
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import GridError
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_case_B18_metres_under_a_geographic_crs_are_refused_by_writers_and_lookups(tmp_path):
    e = embedding_from_array(random_unit((6, 6), seed=1), crs="EPSG:4326")   # x 500005.., y 4999995..: metres
    match = r"EPSG:4326 is geographic.*beyond the globe.*UTM"
    with pytest.raises(GridError, match=match): e.aef.to_cog(tmp_path / "e.tif")
    with pytest.raises(GridError, match=match): e.aef.to_zarr(tmp_path / "e.zarr")
    with pytest.raises(GridError, match=match): e.aef.similarity((3.0, 45.0))
    with pytest.raises(GridError, match=match): e.aef.similarity((500025.0, 4999975.0))
    with pytest.raises(GridError, match=match): e.aef.sample(pd.DataFrame({"lon": [3.0], "lat": [45.0]}))
    with pytest.raises(GridError, match=match): e.aef.similarity(e.isel(y=0, x=0)).aef.map_to_cog(tmp_path / "s.tif")
    assert not any(tmp_path.iterdir())                                       # nothing written
    # the same grid in its own CRS, and a real degree grid (also one past 180), pass
    ok = embedding_from_array(random_unit((6, 6), seed=1))
    assert ok.aef.to_cog(tmp_path / "ok.tif")
    deg = embedding_from_array(random_unit((4, 4), seed=2), coords={"y": 45.0 - 1e-4 * np.arange(4),
                                                                    "x": 179.9998 + 1e-4 * np.arange(4)}, crs="EPSG:4326")
    assert np.isfinite(deg.aef.similarity((179.99985, 44.99995)).values).any()

