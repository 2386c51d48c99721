"""GeoParquet is told from a plain Parquet table by its footer's key-value metadata, read by pyarrow
(`pq.read_metadata`): the 'geo' key. Was: the footer's bytes searched for '"primary_column"', which a plain table
written by pandas with a column of that name holds too (pandas' own metadata names its columns), so its refusal
named geopandas' reader for a table of vectors."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from alphaearth_nb.core import DTypeError, refuse_path
from alphaearth_nb.loaders import loader_of, places_reader


def test_a_plain_table_naming_a_column_primary_column_is_a_table(tmp_path):
    p = tmp_path / "t.parquet"
    pd.DataFrame({"primary_column": [1.0], **{f"A{i:02d}": [0.1] for i in range(64)}}).to_parquet(p)
    assert places_reader(p) is None   # was 'gpd.read_parquet(path)'
    assert "gpd." not in loader_of(p, "vectors") and "pd.read_parquet" in loader_of(p, "vectors")


def test_geoparquet_is_places(tmp_path):
    p = tmp_path / "g.parquet"
    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)], crs="EPSG:4326").to_parquet(p)
    assert places_reader(p) == "gpd.read_parquet(path)"
    with pytest.raises(DTypeError, match=r"gpd\.read_parquet"):
        refuse_path(str(p), "vectors (N, 64)", "vectors")


@pytest.mark.parametrize("content", [b"", b"PAR1", b"not parquet at all", b"PAR1" + bytes(64) + b"PAR1"])
def test_a_file_that_is_no_parquet_is_no_places(tmp_path, content):
    p = tmp_path / "x.parquet"
    p.write_bytes(content)
    assert places_reader(p) is None
    assert places_reader(tmp_path / "missing.parquet") is None
