"""vectorize(da, 'fields.gpkg') (a file named where the value column's name goes, as `to_cog(emb, path)` and
`map_to_cog(da, path)` take one) is a ConfigError naming the GeoDataFrame's writer; the fix, run as written, writes
the polygons. Was: a GeoDataFrame with a column 'fields.gpkg', nothing written, nothing said. Column names with a dot
('ndvi.mean') are still names."""
import re
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

gpd = pytest.importorskip("geopandas")
pytest.importorskip("rasterio")

from alphaearth_nb.core import ConfigError
from alphaearth_nb.exports import vectorize


def _classes():
    a = np.array([[1, 1, 2], [1, 2, 2], [3, 3, 2]], np.int32)
    return xr.DataArray(a, dims=("y", "x"), coords={"y": [35.0, 25.0, 15.0], "x": [500005.0, 500015.0, 500025.0]},
                        attrs={"crs": "EPSG:32631"})


@pytest.mark.parametrize("name", ["fields.gpkg", "out/fields.geojson", "fields.parquet", Path("fields.shp")])
def test_a_file_for_a_column_is_told_the_writer(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    da = _classes()
    with pytest.raises(ConfigError, match="vectorize writes nothing") as err:
        vectorize(da, name)
    with pytest.raises(ConfigError):
        da.aef.vectorize(name=name)
    fix = re.findall(r"`([^`]+)`", str(err.value))
    env = {"da": da}
    for line in fix[-2:]: exec(line, env)
    written = gpd.read_file(tmp_path / str(name)) if not str(name).endswith("parquet") else gpd.read_parquet(tmp_path / str(name))
    assert sorted(written["value"]) == [1, 2, 3]


def test_column_names_with_a_dot_are_names():
    g = vectorize(_classes(), "ndvi.mean")
    assert sorted(g["ndvi.mean"]) == [1, 2, 3]
