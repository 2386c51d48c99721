"Site sampling: strata (polygons, raster), spacing, caps, extra sets, periods, determinism, GeoParquet."
import numpy as np
import pandas as pd
import pytest
import xarray as xr

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

from alphaearth_nb import sites
from alphaearth_nb.core import ConfigError, LabelError, MissingDataError, OutputExistsError


@pytest.fixture(scope="module")
def eco():
    return gpd.GeoDataFrame({"ECO_ID": [7, 8, 9]}, geometry=[box(10, 45, 10.15, 45.1), box(10.15, 45, 10.3, 45.1),
                                                             box(10.3, 45, 10.31, 45.01)], crs=4326)


def test_caps_spacing_and_strata(eco):
    st = sites.sample_sites(eco, (2020, 2023), cap=25, seed=1)
    counts = st.stratum.value_counts()
    assert counts["7"] == 25 and counts["8"] == 25
    assert 0 < counts["9"] < 25   # the 1 km^2 region holds few sites 1.28 km apart
    assert sites.min_distance_m(st.lon, st.lat) >= sites.PAPER_MIN_DIST
    polys = eco.set_index(eco.ECO_ID.astype(str)).geometry
    assert all(polys[s].contains(p) for s, p in zip(st.stratum, st.geometry))
    assert (st.p0_end <= st.p1_start).all() and ((st.p1_end - st.p1_start) == pd.Timedelta(days=365)).all()
    assert (st.p0_start >= pd.Timestamp("2020-01-01")).all() and (st.p1_end <= pd.Timestamp("2024-01-01")).all()
    assert set(st.grid_crs) == {"EPSG:32632"} and (st.x0 % 10 == 0).all()


def test_deterministic_and_other_strata_unmoved(eco):
    a = sites.sample_sites(eco, (2020, 2023), cap=10, seed=4)
    b = sites.sample_sites(eco, (2020, 2023), cap=10, seed=4)
    pd.testing.assert_frame_equal(pd.DataFrame(a.drop(columns="geometry")), pd.DataFrame(b.drop(columns="geometry")))
    c = sites.sample_sites(eco, (2020, 2023), cap=10, seed=5)
    assert not np.allclose(a.lon.values[:5], c.lon.values[:5])


def test_extra_sets_first_with_their_cap(eco):
    coast = sites.boundary_points(eco, 60, seed=0)
    text = np.array([[10.05, 45.05], [10.0501, 45.0501]])   # two text cells 14 m apart: only one survives the spacing
    st = sites.sample_sites(eco, (2020, 2023), cap=5, extra={"coastal": coast, "text": text}, extra_cap={"coastal": 8},
                            seed=0)
    assert (st.set == "coastal").sum() == 8 and (st.set == "text").sum() == 1
    assert list(st.set[:9]) == ["coastal"] * 8 + ["text"]   # extra sets are tried (and numbered) first
    assert sites.min_distance_m(st.lon, st.lat) >= sites.PAPER_MIN_DIST


def test_raster_strata_and_holdout():
    ras = xr.DataArray(np.repeat(np.array([[1.0, 2.0, np.nan]]), 30, 0).repeat(10, 1), dims=("y", "x"),
                       coords={"y": 5_000_000.0 - 500 * np.arange(30),
                               "x": 500_000.0 + 500 * np.arange(30)}, attrs={"crs": "EPSG:32633"})
    st = sites.sample_sites(ras, (2021, 2022), cap=6, holdout=0.5, seed=0)
    assert sorted(st.stratum.unique()) == ["1.0", "2.0"] and (st.stratum.value_counts() == 6).all()
    assert set(st.split) == {"train", "test"}
    with pytest.raises(LabelError, match="crs"):
        sites.sample_sites(ras.assign_attrs(crs=None).drop_attrs(), (2021, 2022))


def test_errors_name_a_fix(eco, tmp_path):
    with pytest.raises(ConfigError, match="widen the years"): sites.sample_sites(eco, (2020, 2020))
    with pytest.raises(LabelError, match="id_col"): sites.sample_sites(eco, (2020, 2023), id_col="nope")
    with pytest.raises(MissingDataError, match="write_sites"): sites.read_sites(tmp_path / "none.parquet")


def test_geoparquet_round_trip(eco, tmp_path):
    st = sites.sample_sites(eco, (2020, 2023), cap=3, seed=0)
    back = sites.read_sites(sites.write_sites(tmp_path / "s.parquet", st))
    assert back.crs.to_epsg() == 4326 and list(back.site) == list(st.site)
    pd.testing.assert_frame_equal(pd.DataFrame(back.drop(columns="geometry")),
                                  pd.DataFrame(st.drop(columns="geometry")))



def test_write_sites_keeps_an_existing_table_unless_overwrite(eco, tmp_path):  # like the package's other writers
    first, second = (sites.sample_sites(eco, (2020, 2023), cap=c, seed=0) for c in (3, 1))
    path = sites.write_sites(tmp_path / "s.parquet", first)
    before = path.read_bytes()
    with pytest.raises(OutputExistsError, match=r"s\.parquet already exists: pass overwrite=True"):
        sites.write_sites(path, second)
    assert path.read_bytes() == before and len(sites.read_sites(path)) == len(first)
    assert [p.name for p in tmp_path.iterdir()] == ["s.parquet"]            # nothing left beside it
    assert list(sites.read_sites(sites.write_sites(path, second, overwrite=True)).site) == list(second.site)

def test_thin_is_greedy_in_order():
    lon = np.array([0.0, 0.005, 0.02, 0.0101]); lat = np.zeros(4)   # 0.005 deg = 557 m at the equator
    assert list(sites.thin(lon, lat, 1000.0)) == [0, 2, 3]            # 3 is 1124 m from 0 and 1102 m from 2
    assert list(sites.thin(lon, lat, 1110.0)) == [0, 2]               # ... and no longer 1102 m from 2
    assert list(sites.thin(lon[::-1], lat, 1000.0)) == [0, 1, 3]


def test_a_site_table_it_may_not_read_is_a_permission_error_not_a_rewrite(tmp_path, monkeypatch):
    "Access refused is told as such (PermissionError), not 'rewrite it with write_sites' (the file may be fine)."
    import geopandas
    path = tmp_path / "s.parquet"; path.write_bytes(b"PAR1")
    def refuse(*a, **k): raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(geopandas, "read_parquet", refuse)
    with pytest.raises(PermissionError): sites.read_sites(path)
    monkeypatch.undo()
    with pytest.raises(LabelError, match="rewrite it"): sites.read_sites(path)   # a damaged file still is ours
