"""`cube.aef.to_cog("cube.tif")` of a cube of years said "extra dims ['time']: select one, e.g. da.isel(time=0)",
and `map_to_cog` of a similarity cube "a map has dims (y, x); extra dims ['time']": a file holds one map, and the
words now name the years and the loop writing one file a year, which runs."""
import re

import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rasterio")
MAPS = [embedding_from_array(random_unit((4, 5), seed=s), coords=grid_coords(4, 5, 500_000., 5_000_000.),
                             crs="EPSG:32631") for s in (1, 2)]


@pytest.mark.parametrize("kind", ["to_cog", "map_to_cog"])
def test_a_cube_of_years_is_told_the_loop_of_one_file_a_year(tmp_path, kind):
    cube = xr.concat(MAPS, dim=pd.Index(pd.to_datetime(["2023-01-01", "2024-01-01"]), name="time"))
    obj = cube if kind == "to_cog" else cube.aef.similarity(cube.isel(time=0, y=1, x=1))
    with pytest.raises(DimensionError) as e:
        getattr(obj.aef, kind)(tmp_path / "out.tif")
    msg = str(e.value)
    assert "2 years along time (2023, 2024)" in msg and "isel(time=0)`" not in msg, msg
    exec(re.search(r"`(for .+?)`", msg)[1], {"cube": obj})   # the loop it names, run as given
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out_2023.tif", "out_2024.tif"]
