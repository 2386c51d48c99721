"""cubes.label_table kept each row's place in the user's table as a numpy array in attrs['rows'] (d2fbb24e): pandas
compares attrs on concat (an array's truth value is ambiguous: ValueError) and writes them to parquet as JSON
(TypeError), so two label tables no longer concatenated and none could be saved. The rows are a plain list."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

gpd = pytest.importorskip("geopandas")
from shapely.geometry import Point

from alphaearth_nb.cubes import label_table


def _emb():
    v = np.random.default_rng(0).normal(size=(30, 30, 64)); v /= np.linalg.norm(v, axis=-1, keepdims=True)
    return xr.DataArray(v.astype(np.float32), dims=("y", "x", "band"),
                        coords={"y": 500005.0 - 10 * np.arange(30), "x": 600005.0 + 10 * np.arange(30),
                                "band": [f"A{i:02d}" for i in range(64)]}, attrs={"crs": "EPSG:32631"})


def test_label_tables_concatenate_and_save(tmp_path):
    e = _emb()
    g1 = gpd.GeoDataFrame({"label": [1, 2]}, geometry=[Point(600015, 499995), Point(600055, 499955)], crs="EPSG:32631")
    g2 = gpd.GeoDataFrame({"label": [1, 2]}, geometry=[Point(600105, 499905), Point(600155, 499855)], crs="EPSG:32631")
    t1, t2 = label_table(e, g1), label_table(e, g2)
    assert t1.attrs["rows"] == [0, 1] and all(type(r) is int for r in t1.attrs["rows"])
    assert len(pd.concat([t1, t2])) == 4
    pytest.importorskip("pyarrow")
    t1.to_parquet(tmp_path / "t1.parquet")
    assert len(pd.read_parquet(tmp_path / "t1.parquet")) == 2
