"aggregate's rows keep the zones' own index, as sample's do: a table indexed by field id joins its vectors back."
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import band_names
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box  # noqa: E402


def _fields(e):
    x, y = e.x.values, e.y.values
    polys = [box(x[4] - 5, y[5] - 5, x[7] + 5, y[3] + 5), box(x[0] - 5, y[2] - 5, x[2] + 5, y[0] + 5)]
    return gpd.GeoDataFrame({"field_id": ["F42", "F17"], "crop": [2, 1]}, geometry=polys,
                            crs=e.attrs["crs"]).set_index("field_id")


def _mean_direction(v):
    s = v.reshape(-1, v.shape[-1]).sum(0)
    return s / np.linalg.norm(s)


def test_zones_indexed_by_field_id_keep_their_ids():
    "Was: the rows were renumbered 0, 1: the field ids were lost and fields.join(out) put F17's vector on no row."
    e = embedding_from_array(random_unit((6, 8), seed=3))
    fields = _fields(e)
    out = aggregate(e, fields)
    assert out.index.tolist() == ["F42", "F17"] and out.index.name == "field_id"
    assert out["n_pixels"].tolist() == [12, 9]
    joined = fields[["crop"]].join(out[band_names()])
    np.testing.assert_allclose(joined.loc["F17", band_names()].to_numpy(float),
                               _mean_direction(e.values[0:3, 0:3]), atol=1e-5)
    np.testing.assert_allclose(joined.loc["F42", band_names()].to_numpy(float),
                               _mean_direction(e.values[3:6, 4:8]), atol=1e-5)


def test_each_year_repeats_the_index():
    e = embedding_from_array(random_unit((6, 8), seed=3))
    cube = xr.concat([e, -e], "time").assign_coords(time=[2023, 2024])
    out = aggregate(cube, _fields(e))
    assert out.index.tolist() == ["F42", "F17", "F42", "F17"] and out["year"].tolist() == [2023, 2023, 2024, 2024]
    np.testing.assert_allclose(out[out.year == 2024].loc["F17", band_names()].to_numpy(float),
                               -_mean_direction(e.values[0:3, 0:3]), atol=1e-5)
