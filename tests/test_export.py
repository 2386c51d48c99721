"Export from fakes shaped like xee's output: quota retries, split requests, crashes mid-site, resume, a dask cluster."
import os
import warnings
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb import export, sites, stream
from alphaearth_nb.core import UnitsWarning, UnknownSourceError
from alphaearth_nb.stacks import validate_stack

SOURCES = ("sentinel2", "sentinel1", "dem")
slow = pytest.mark.skipif(not os.environ.get("AEF_RUN_SLOW"), reason="slow (spawns a dask cluster): set AEF_RUN_SLOW=1")
FAST = export.RetryPolicy(base_s=0.001)


@pytest.fixture(scope="module")
def table():
    return sites.sample_sites(sites.box_strata(), (2022, 2023), cap=2, size=16, seed=0)


class Breaks(export.FakeEE):
    "A fake that fails one source of one site with an error that is not a quota error (a crash mid-site)."
    def __init__(self, corner, source, **kw): super().__init__(**kw); self.corner, self.source = corner, source
    def __call__(self, req):
        if (req.grid["crs_transform"][2], req.grid["crs_transform"][5], req.source.name) == (*self.corner, self.source):
            raise ConnectionResetError("connection reset by peer (fake)")
        return super().__call__(req)


def test_quota_errors_retried_and_big_requests_split(table, tmp_path):
    fake = export.FakeEE(quota_every=3, max_days=200)
    rep = export.export_sites(tmp_path / "c", table, SOURCES, fake, workers=0, policy=FAST)
    assert list(rep.status) == ["written"] * len(table)
    c = stream.SiteCorpus(tmp_path / "c"); st, _ = c.read(c.ids()[0])
    assert 140 <= st["sentinel2"].sizes["time"] <= 146 and st["dem"].sizes["time"] == 1    # two years of 5-day frames
    t = st["sentinel2"].indexes["time"]
    assert t.is_monotonic_increasing and not t.has_duplicates
    assert fake.calls > len(table) * 5   # the refusals and the halves were requests too


def test_crash_mid_site_leaves_no_site_and_rerun_finishes_it(table, tmp_path):
    row = table.iloc[1]
    rep = export.export_sites(tmp_path / "c", table, SOURCES, Breaks((row.x0, row.y0), "sentinel1"), workers=0,
                              policy=FAST)
    assert list(rep.status) == ["written", "failed", "written", "written"] and "connection reset" in rep.error[1]
    store = tmp_path / "c" / stream.STORE
    assert not (store / row.site).exists() and not list(store.glob(".*partial*"))
    assert stream.SiteCorpus(tmp_path / "c").ids() == [s for s in table.site if s != row.site]
    again = export.export_sites(tmp_path / "c", table, SOURCES, export.FakeEE(), workers=0, policy=FAST)
    assert list(again.status) == ["skipped", "written", "skipped", "skipped"]
    assert stream.SiteCorpus(tmp_path / "c").ids() == list(table.site)


def test_leftovers_of_a_dead_writer_are_never_read_and_are_cleaned(table, tmp_path):
    export.export_sites(tmp_path / "c", table.head(1), SOURCES, export.FakeEE(), workers=0, policy=FAST)
    site = table.site.iloc[1]
    dead = tmp_path / "c" / stream.STORE / f".{site}.partial-999999-deadbeef"   # as a killed worker leaves it
    (dead / "sentinel2").mkdir(parents=True); (dead / "zarr.json").write_text("{}")
    half = tmp_path / "c" / stream.STORE / site                                  # and a group without its marker
    half.mkdir(); (half / "zarr.json").write_text("{}")
    c = stream.SiteCorpus(tmp_path / "c")
    assert c.ids() == [table.site.iloc[0]] and not stream.site_done(tmp_path / "c", site)


def test_resume_with_another_plan_refused_and_unknown_source_early(table, tmp_path):
    export.export_sites(tmp_path / "c", table.head(2), SOURCES, export.FakeEE(), workers=0, policy=FAST)
    with pytest.raises(Exception, match="another corpus"):
        export.export_sites(tmp_path / "c", table.head(2), ("sentinel2",), export.FakeEE(), workers=0)
    with pytest.raises(UnknownSourceError):
        export.export_sites(tmp_path / "d", table, ("sentinel2", "nope"), export.FakeEE(), workers=0)


def test_fake_sentinel2_is_l2a_reflectance_with_dark_pixels(tmp_path):  # no +1000 offset warning
    export.fake_corpus(tmp_path / "c", n_sites=2, size=16, sources=("sentinel2",))
    c = stream.SiteCorpus(tmp_path / "c")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        for site in c.ids():
            st, _ = c.read(site); validate_stack(st)
            s2 = st["sentinel2"]
            assert np.nanpercentile(s2.B2.values, 1) < 1000 < np.nanpercentile(s2.B8.values, 50)  # blue dark, NIR bright
            assert np.nanmin(s2.B8.values) < 500 and np.nanmax(s2.B2.values) < 4000  # water/shadow; no white blue


class Wrong(export.FakeEE):
    "Sentinel-2 answered on a wrong scale (`scale`) or with no valid pixel (`scale=0`: every value the nodata 0)."
    def __init__(self, scale, **kw): super().__init__(**kw); self.scale = scale
    def __call__(self, req):
        ds = super().__call__(req)
        if req.source.name != "sentinel2": return ds
        return ds.assign({b: ds[b] * self.scale for b in ("B2", "B3", "B4", "B8", "B11", "B12")})


@pytest.mark.parametrize("scale,match", [(1e-4, "multiply by 10000"), (0.0, "no valid pixel")])
def test_a_source_on_a_wrong_scale_or_without_data_is_never_written(table, tmp_path, scale, match):  # F1, F4
    rep = export.export_sites(tmp_path / "c", table.head(2), SOURCES, Wrong(scale), workers=0, policy=FAST)
    assert list(rep.status) == ["failed", "failed"] and all(match in e and "sentinel2" in e for e in rep.error), rep
    store = tmp_path / "c" / stream.STORE
    assert stream.SiteCorpus(tmp_path / "c").ids() == [] and not [p for p in store.iterdir() if p.is_dir()]


def test_the_fake_answers_every_source_in_its_provider_units(tmp_path):  # each passes the checks, no warning
    from alphaearth_nb.earthengine import EE_SOURCES
    names = tuple(n for n in EE_SOURCES if n != "official")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        _, rep = export.fake_corpus(tmp_path / "c", n_sites=1, size=16, sources=names)
    assert list(rep.status) == ["written"], rep.error[0]
    st, _ = stream.SiteCorpus(tmp_path / "c").read(rep.site[0])
    assert set(st.children) == set(names)


def test_retry_waits_grow_and_are_capped():
    p = export.RetryPolicy(base_s=1.0, cap_s=5.0, jitter=0.0)
    assert [p.wait(k, np.random.default_rng(0)) for k in range(5)] == [1.0, 2.0, 4.0, 5.0, 5.0]
    assert export.is_quota_error(RuntimeError("HttpError 429 Too Many Requests"))
    assert not export.is_quota_error(ValueError("x"))
    assert export.is_size_error(RuntimeError("Request payload size exceeds the limit: 50331648 bytes"))


@slow
@pytest.mark.slow
def test_dask_cluster_with_a_worker_killed_mid_site(table, tmp_path):
    "Two spawned worker processes; one dies (os._exit) fetching a site's second source, after the first was written."
    row = table.iloc[2]
    fake = export.FakeEE(quota_every=4, die_at=(row.x0, row.y0, "sentinel1"), die_once=str(tmp_path / "deaths"))
    rep = export.export_sites(tmp_path / "c", table, SOURCES, fake, workers=2, max_in_flight=2, policy=FAST)
    assert (tmp_path / "deaths").is_dir() and len(list((tmp_path / "deaths").iterdir())) == 1   # a worker did die
    assert list(rep.status) == ["written"] * len(table), rep
    assert stream.SiteCorpus(tmp_path / "c").ids() == list(table.site)
    c = stream.SiteCorpus(tmp_path / "c"); st, _ = c.read(row.site)
    assert st["sentinel1"].sizes["time"] > 100


def test_benchmark_dry_path(load_script, capsys):
    "benchmarks/corpus.py --dry: two sites exported in-process (shapes only; nothing timed is asserted)."
    mod = load_script(Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py", "bench_corpus")
    assert mod.main(["--dry"]) == 0 and "dry: 2 sites written, written" in capsys.readouterr().out
