"""Three hints a newcomer found fixed or wrong (session 51, findings 7, 12, 13): a map without a CRS was told
`emb.attrs['crs'] = 'EPSG:32631'` whatever its zone (now the zone's pattern and how to find it); a frame without time
was told to date it 2020-01-01 (now its acquisition date); a map cut to 63 bands got words about renaming the axis
(now: 63 of 64, the missing band named)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError, GridError, MissingTimeError
from alphaearth_nb.places import cube_crs
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_no_crs_names_no_fixed_zone():
    e = embedding_from_array(random_unit((4, 4), seed=1))
    e.attrs = {}
    with pytest.raises(GridError) as got: cube_crs(e)
    msg = str(got.value)
    assert "EPSG:32631" not in msg and "'EPSG:326NN'" in msg and "utm_crs(lon, lat)" in msg, msg


def test_no_time_asks_for_the_acquisition_date():
    ds = xr.Dataset({b: (("y", "x"), np.ones((3, 3), np.float32)) for b in ("B2", "B3", "B4", "B8", "B11", "B12")},
                    coords={"y": [3.0, 2.0, 1.0], "x": [1.0, 2.0, 3.0]})
    with pytest.raises(MissingTimeError) as got: validate_stack(xr.DataTree.from_dict({"sentinel2": ds}))
    msg = str(got.value)
    assert "2020-01-01" not in msg and "acquisition date" in msg, msg


@pytest.mark.parametrize("drop", [63, 17])
def test_a_map_cut_to_63_bands_names_the_missing_one(drop):
    e = embedding_from_array(random_unit((6, 6), seed=1))
    cut = e.isel(band=[i for i in range(64) if i != drop])
    with pytest.raises(DimensionError, match=f"holds 63 of the 64 bands, A{drop:02d} missing"):
        cut.aef.similarity((float(e.x[2]), float(e.y[3])))


def test_several_points_name_the_commands_mean():   # finding 3: the CLI maps their mean; Python said its own recipe
    import pandas as pd
    e = embedding_from_array(random_unit((6, 6), seed=1))
    pts = pd.DataFrame({"x": e.x.values[[1, 2, 3]], "y": e.y.values[[1, 2, 3]]})
    with pytest.raises(DimensionError) as got: e.aef.similarity(pts)
    msg = str(got.value)
    assert "`aef similarity --point LON,LAT --point ...` makes of several" in msg and "v / np.linalg.norm(v)" in msg, msg
