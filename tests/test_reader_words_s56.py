"""Words of two readers that named less than they saw (s55 r3.md #7, #8). Was (906bfade):
- `reflectance_scales.read_signed` of a Sentinel-2 band holding two usual fills (-9999 and -32768) said they "hold one
  value far under 0" and gave `ds[b].where(ds[b] != value)`, which masks one of them (a `_FillValue` declares one too).
  Now both are named and the printed line masks them all, run as printed.
- `aggregate` of a class map picked from a multi-band file (`.isel(band=2)`: a scalar band label 3) called it "one
  band (band 3) of an embedding's 64", losing aggregate's own words (the class share per zone). Now aggregate's words
  come first, the band named as the other reading."""

import geopandas as gpd
import numpy as np
import pytest
import xarray as xr
from shapely.geometry import box

from alphaearth_nb.core import DimensionError
from alphaearth_nb.sources import get_source
from alphaearth_nb.reflectance_scales import read_signed
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb import zones


def test_two_fills_are_named_and_the_line_masks_both():
    s2 = get_source("sentinel2")
    rng = np.random.default_rng(0)
    v = rng.integers(500, 3000, 1000).astype(np.int16)
    v[:30], v[30:40] = -9999, -32768
    said = read_signed(s2, {"B2": (True, v)})
    assert "-32768, -9999" in said and "hold 2 values far under 0" in said and "!= value" not in said, said
    line = said.split("mask them all (`")[1].split("`")[0]
    ds = xr.Dataset({"B2": ("x", v)})
    exec(line.replace("ds[b]", "ds['B2']"), {"ds": ds})   # as printed, for band B2
    assert int(ds["B2"].isnull().sum()) == 40 and float(ds["B2"].min()) >= 500


def test_one_fill_names_its_value_in_the_line():
    v = np.r_[np.full(30, -9999), np.arange(500, 1470)].astype(np.int16)
    said = read_signed(get_source("sentinel2"), {"B2": (True, v)})
    assert "`ds[b] = ds[b].where(ds[b] != -9999)`" in said and "_FillValue'] = -9999`" in said, said


def test_aggregate_of_a_band_of_a_class_file_says_aggregates_words():
    e = embedding_from_array(random_unit((6, 6), seed=1)).assign_attrs(crs="EPSG:32631")
    classes = xr.DataArray(np.ones((3, 6, 6), np.int16), dims=("band", "y", "x"),
                           coords={"band": [1, 2, 3], "y": e.y, "x": e.x}, attrs={"crs": "EPSG:32631"})
    gdf = gpd.GeoDataFrame(geometry=[box(float(e.x.min()), float(e.y.min()), float(e.x.max()), float(e.y.max()))],
                             crs="EPSG:32631")
    with pytest.raises(DimensionError) as err: zones.aggregate(classes.isel(band=2), gdf)
    said = str(err.value)
    assert "each class's share of a zone" in said and "if it is one band (band 3) of an embedding's 64" in said, said
