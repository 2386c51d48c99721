"Streaming a site corpus: shards per host, exact resume, site periods, incomplete sites skipped; tiny trains on it."
import os
import re

import jax
import numpy as np
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb import export, samples, stream
from alphaearth_nb.core import ConfigError

CFG = samples.SamplerConfig(patch=16, inputs=("sentinel2",), targets=("sentinel2",), frames=4, n_texts=2)
slow = pytest.mark.skipif(not os.environ.get("AEF_RUN_SLOW"), reason="slow: set AEF_RUN_SLOW=1 to train the tiny model")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("stream") / "c"
    table, rep = export.fake_corpus(path, n_sites=8, size=32, sources=("sentinel2", "dem"),
                                    fake=export.FakeEE(quota_every=7))
    assert list(rep.status) == ["written"] * 8
    return path


def leaves(b): return [np.asarray(a) for a in jax.tree.leaves(b)]


def same(a, b): return all(np.array_equal(x, y, equal_nan=True) for x, y in zip(leaves(a), leaves(b)))


def test_two_hosts_read_disjoint_shards_that_cover_the_corpus(corpus):
    hosts = [stream.CorpusStream(corpus, CFG, 4, seed=3, process_index=h, process_count=2) for h in (0, 1)]
    everything = set(stream.SiteCorpus(corpus).ids())
    for epoch in (0, 1):
        a, b = (set(h.shard(epoch)) for h in hosts)
        assert not a & b and a | b == everything
    # what the batches of one epoch actually read (2 sites per batch, 4 per host per epoch)
    read = [set(s for i in range(2) for s in h.sites_at(i)) for h in hosts]
    assert not read[0] & read[1] and read[0] | read[1] == everything
    assert hosts[0].shard(0) != hosts[0].shard(1)                         # a fresh order every epoch
    b0 = hosts[0].batch_at(0); assert b0.inputs["sentinel2"].x.shape == (2, 4, 16, 16, 6)   # batch 4 over 2 hosts
    with pytest.raises(ConfigError, match="multiple of 3"):
        stream.CorpusStream(corpus, CFG, 4, process_index=0, process_count=3)


def test_jax_process_index_is_the_default(corpus, monkeypatch):
    monkeypatch.setattr(jax, "process_index", lambda: 1); monkeypatch.setattr(jax, "process_count", lambda: 2)
    s = stream.CorpusStream(corpus, CFG, 4, seed=3)
    assert (s.host, s.hosts) == (1, 2)
    assert s.shard(0) == stream.CorpusStream(corpus, CFG, 4, seed=3, process_index=1, process_count=2).shard(0)


def test_resume_reads_the_same_batches(corpus):
    it = stream.CorpusStream(corpus, CFG, 4, seed=5, prefetch=3)(0)
    full = [next(it) for _ in range(6)]; it.close()                       # an uninterrupted run
    first = stream.CorpusStream(corpus, CFG, 4, seed=5)
    it = first(0); [next(it) for _ in range(2)]; it.close()               # interrupted after 2 batches
    again = stream.CorpusStream(corpus, CFG, 4, seed=5).restore(first.state())   # a new process, from the checkpoint
    it = again(again.position); rest = [next(it) for _ in range(4)]; it.close()
    assert first.state()["position"] == 2 and all(same(a, b) for a, b in zip(rest, full[2:]))
    assert not same(full[0], full[1])


def test_examples_come_from_the_sites_own_periods(corpus):
    c = stream.SiteCorpus(corpus); s = stream.CorpusStream(c, CFG, 4, seed=1)
    b = s.batch_at(0)
    per = np.concatenate([c.periods(x) for x in s.sites_at(0)])
    days = b.targets["sentinel2"].day
    assert all(((d >= per[:, 0]) & (d < per[:, 1])).any() for d in days)
    # period-major: example k and k+1 are different sites, each site gives both its periods
    assert len(s.sites_at(0)) == 2 and len(set(s.sites_at(0))) == 2


def test_only_complete_sites_are_streamed(corpus, tmp_path):
    import shutil
    copy = tmp_path / "c"; shutil.copytree(corpus, copy)
    victim = stream.SiteCorpus(copy).ids()[3]
    (copy / stream.STORE / victim / ".aef-complete").unlink()            # as if the rename never happened
    s = stream.CorpusStream(copy, CFG, 2, split=None)
    assert victim not in s.site_ids and len(s.site_ids) == 7


@slow
@pytest.mark.slow
def test_tiny_model_trains_on_the_corpus_and_resumes_exactly(corpus, tmp_path):
    from alphaearth_nb import model, train
    cfg = samples.sampler_config(model.preset("tiny"), "tiny")
    seen = {}
    def source(stop_at=None):
        def batches(start):
            s = stream.CorpusStream(corpus, cfg, 2, seed=0)
            for i, b in zip(range(start, 10**9), s(start)):
                if i == stop_at: raise KeyboardInterrupt("power cut")
                seen.setdefault(i, b); yield b
        return batches
    kw = dict(steps=4, batch_size=2, checkpoint_every=2, progress=False)
    full, hist = train.fit("tiny", source(), out=tmp_path / "a", **kw)
    assert all(np.isfinite(h["loss"]) for h in hist) and int(full.step) == 4
    first = {i: seen[i] for i in seen}; seen.clear()
    with pytest.raises(KeyboardInterrupt): train.fit("tiny", source(stop_at=3), out=tmp_path / "b", **kw)
    seen.clear()
    resumed, _ = train.fit("tiny", source(), out=tmp_path / "b", resume=True, **kw)
    assert min(seen) == 2 and all(same(seen[i], first[i]) for i in (2, 3))   # (batches past the end are prefetched)
    assert all(np.array_equal(a, b) for a, b in zip(leaves(full.model), leaves(resumed.model)))


def test_aef_train_corpus_streams_it(corpus, tmp_path, monkeypatch):
    from alphaearth_nb import cli, train
    got = {}
    def fake_fit(model, data, **kw):
        got.update(model=model, data=data, **kw)
        raise KeyboardInterrupt  # stop before any training
    monkeypatch.setattr(train, "fit", fake_fit)
    rc = cli.main(["train", "--preset", "tiny", "--corpus", str(corpus), "--steps", "3", "--batch-size", "2", "--out",
                   str(tmp_path)])
    assert rc == 130 and got["model"] == "tiny" and isinstance(got["data"], stream.CorpusStream)
    assert got["data"].batch_size == 2 and got["data"].cfg.patch == 32 and len(got["data"].site_ids) == 8


@pytest.mark.slow
def test_a_scene_corpus_streams_too(tmp_path):
    "quality's scene corpus (`corpus.write_corpus`): its scenes are the sites, periods drawn inside each scene."
    from alphaearth_nb import corpus as scene_corpus
    p = scene_corpus.write_corpus(tmp_path / "q", scene_corpus.CorpusConfig(n_scenes=2, n_regions=1, size=48, years=(2, 2),
                                                                             n_texts=5))
    s = stream.CorpusStream(p, CFG, 4, split=None)
    assert isinstance(s.source, scene_corpus.Corpus) and sorted(s.site_ids) == ["s000", "s001"]
    assert s.batch_at(0).inputs["sentinel2"].x.shape == (4, 4, 16, 16, 6) and same(s.batch_at(1), s.batch_at(1))


def test_counts_as_text_are_refused_with_an_example_that_works(corpus):
    "CorpusStream's batch_size and seed: text was a TypeError ('abc' < 1) or int()'s "
    "ValueError, 2.5 read as 2; now ConfigError naming the setting with an example that, passed back, is accepted."
    for name in ("batch_size", "seed"):
        with pytest.raises(ConfigError, match=rf"^{name}='abc' is not a whole number: pass e\.g\. {name}=\d+\.$") as e:
            stream.CorpusStream(corpus, CFG, **{"batch_size": 2, name: "abc"})
        stream.CorpusStream(corpus, CFG, **{"batch_size": 2, name: int(re.search(r"=(\d+)\.$", str(e.value)).group(1))})
    with pytest.raises(ConfigError, match="batch_size=2.5"): stream.CorpusStream(corpus, CFG, batch_size=2.5)


def test_prefetch_workers_and_cache_as_text_are_refused_with_an_example_that_works(corpus):
    "CorpusStream's prefetch, workers, cache, process_index/count and SiteCache's size: were int()'s ValueError or a TypeError ('abc' < 1)."
    for name in ("prefetch", "workers", "cache", "process_index", "process_count"):
        with pytest.raises(ConfigError, match=rf"^{name}='abc' is not a whole number: pass e\.g\. {name}=\d+\.$") as e:
            stream.CorpusStream(corpus, CFG, 2, **{name: "abc"})
        stream.CorpusStream(corpus, CFG, 2, **{name: int(re.search(r"=(\d+)\.$", str(e.value)).group(1))})
    with pytest.raises(ConfigError, match=r"^size='abc' is not a whole number: pass e\.g\. size=32\.$"):
        stream.SiteCache(corpus, CFG, "abc")
    assert stream.SiteCache(corpus, CFG, 32).size == 32
    with pytest.raises(ConfigError, match="cache=2.5"): stream.CorpusStream(corpus, CFG, 2, cache=2.5)
