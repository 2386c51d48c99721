"""Points given in PROJ text that fits several EPSG CRSs (UTM 31N on GRS80 with `+towgs84=0,0,0`: ETRS89 in France,
RGSH2020 in Algeria) are read at their own place, as crs_of reads a map's (crs.crs_at, geometries.read_geometries).
Was: a MetadataWarning whose fix was `ds.rio.write_crs(...)`, wrong for points."""
import warnings
import numpy as np, pandas as pd, xarray as xr
from pyproj import Transformer
from alphaearth_nb import places
from alphaearth_nb.core import MetadataWarning
from alphaearth_nb.crs import crs_at
from alphaearth_nb.grids import write_crs

TEXT = "+proj=utm +zone=31 +ellps=GRS80 +towgs84=0,0,0 +units=m"

def _xy(lon, lat): return Transformer.from_crs("EPSG:4326", "EPSG:32631", always_xy=True).transform(lon, lat)

def test_crs_at_reads_the_place():
    assert crs_at(TEXT, *_xy(3.0, 45.0)) == "EPSG:25831"      # France: ETRS89
    assert crs_at(TEXT, *_xy(3.0, 30.0)) == "EPSG:22231"      # Algeria: RGSH2020
    assert crs_at(TEXT, np.nan, np.nan) == TEXT               # no place: as given
    assert crs_at("EPSG:32631", 5e5, 5e6) == "EPSG:32631"

def test_points_in_france_sampled_without_a_warning():
    x = 500000 + np.arange(5) * 10.0 + 5; y = 5000000 + np.arange(4)[::-1] * 10.0 + 5
    v = np.random.default_rng(0).normal(size=(4, 5, 64)).astype(np.float32)
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    m = write_crs(xr.DataArray(v, dims=("y", "x", "band"), coords={"y": y, "x": x}), "EPSG:25831")
    df = pd.DataFrame({"x": [500012.0, 500031.0], "y": [5000012.0, 5000025.0]})
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        got = places.sample(m, df, crs=TEXT)
    assert not [a for a in w if issubclass(a.category, MetadataWarning)], [str(a.message)[:200] for a in w]
    want = places.sample(m, df, crs="EPSG:25831")
    np.testing.assert_array_equal(np.asarray(got), np.asarray(want))

def test_points_where_no_place_decides_are_told_crs_not_ds_rio():
    X, Y = _xy(3.0, 37.5)   # the sea between Spain and Algeria: in neither area (or both)
    assert crs_at(TEXT, X, Y) == TEXT
    x = X + np.arange(5) * 10.0 + 5; y = Y + np.arange(4)[::-1] * 10.0 + 5
    v = np.random.default_rng(0).normal(size=(4, 5, 64)).astype(np.float32)
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    m = write_crs(xr.DataArray(v, dims=("y", "x", "band"), coords={"y": y, "x": x}), "EPSG:32631")
    df = pd.DataFrame({"x": [X + 12, X + 31], "y": [Y + 12, Y + 25]})
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        places.sample(m, df, crs=TEXT)
    said = [str(a.message) for a in w if issubclass(a.category, MetadataWarning)]
    assert len(said) == 1 and "pass `crs='EPSG:25831'` with points" in said[0], said
