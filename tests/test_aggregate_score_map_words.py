"""`chg.aef.aggregate(fields)` of a change (or similarity) map was refused with an embedding's words ('pass the output
of aef.embed(...), convert the official product with aef.from_official(ds), or name the embedding axis band'), wrong
for a map of one value a pixel: it now says what the map is and, for aggregate, a line giving the mean per zone
(rioxarray's clip), which runs. Fails on f65dc79a."""
import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
pytest.importorskip("rioxarray")
from shapely.geometry import box

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_score_map_is_said_so_with_a_zonal_line_that_runs():
    e, f = (embedding_from_array(random_unit((6, 8), seed=s)) for s in (1, 2))
    m = aef.change(e, f)
    dx = float(e.x[1] - e.x[0])
    zones = gpd.GeoDataFrame(geometry=[box(float(e.x[0]) - dx / 2, float(e.y[3]) - dx / 2, float(e.x[3]) + dx / 2,
                                           float(e.y[0]) + dx / 2)], crs=e.attrs["crs"])   # pixel edges: 4 x 4
    with pytest.raises(DimensionError) as err: m.aef.aggregate(zones)
    said = str(err.value)
    assert "a map of one value a pixel" in said and "aef.embed(...)" not in said, said
    line = said.split("zone, `")[1].split("`")[0]
    got = eval(line, {"m": m, "zones": zones})
    assert np.isclose(got[0], float(m.isel(y=slice(0, 4), x=slice(0, 4)).mean()), rtol=1e-5), (got, line)
    with pytest.raises(DimensionError, match="pass the embeddings it was made from"): aef.similarity(m, m.isel(y=0, x=0))


def test_the_zonal_line_gives_a_zone_smaller_than_a_pixel_its_pixel():
    "Final helper s54: the line raised rioxarray's NoDataInBounds for a zone holding no pixel centre."
    e, f = (embedding_from_array(random_unit((6, 8), seed=s)) for s in (1, 2))
    m = aef.change(e, f)
    x, y = float(e.x[2]), float(e.y[3])
    zones = gpd.GeoDataFrame(geometry=[box(x + 1, y + 1, x + 3, y + 3)], crs=e.attrs["crs"])   # 2 m, off the centre
    with pytest.raises(DimensionError) as err: m.aef.aggregate(zones)
    line = str(err.value).split("zone, `")[1].split("`")[0]
    got = eval(line, {"m": m, "zones": zones})
    assert np.isclose(got[0], float(m.isel(y=3, x=2)), rtol=1e-5), (got, line)
