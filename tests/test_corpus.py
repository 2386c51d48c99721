"Tests of the scene corpus (alphaearth_nb.corpus): deterministic by seed, events where the labels say, the store, the batch source."
import re

import jax
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import scene
from alphaearth_nb.core import ConfigError
from alphaearth_nb.corpus import (KINDS, Corpus, CorpusBatches, CorpusConfig, corpus_scene, scene_overrides, scene_table,
                                  stable_mask, write_corpus)
from alphaearth_nb.samples import SamplerConfig

CFG = CorpusConfig(seed=5, n_scenes=3, n_regions=3, holdout_every=2, size=48, years=(2, 3), n_texts=8, event_chance=1.0)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return Corpus(write_corpus(tmp_path_factory.mktemp("corpus") / "c", CFG))


def test_table_deterministic_and_varied():
    a, b = scene_table(CorpusConfig(seed=1, n_scenes=12)), scene_table(CorpusConfig(seed=1, n_scenes=12))
    assert a.equals(b) and not a.equals(scene_table(CorpusConfig(seed=2, n_scenes=12)))
    assert a.phenology_shift.nunique() > 3 and a.cloud_cover.max() - a.cloud_cover.min() > 0.1
    assert set(a.n_years) <= {2, 3, 4} and set(a.split) == {"train", "test"}
    with pytest.raises(ConfigError, match="at least 2 years"):
        CorpusConfig(years=(1, 2))


def test_scene_deterministic_by_seed():
    row = scene_table(CFG).iloc[1]
    s1, _, l1, e1 = corpus_scene(row, CFG)
    s2, _, l2, e2 = corpus_scene(row, CFG)
    xr.testing.assert_identical(s1["sentinel2"].to_dataset(), s2["sentinel2"].to_dataset())
    xr.testing.assert_identical(l1, l2)
    assert [(e.kind, e.start, e.mask.sum()) for e in e1] == [(e.kind, e.start, e.mask.sum()) for e in e2]


def test_events_are_where_the_labels_say(corpus):
    assert set(corpus.events.kind) <= set(KINDS) and {"fire", "construction", "crop_rotation"} <= set(corpus.events.kind)
    for sid in corpus.ids():
        stack, _, labels, masks = corpus.load(sid)
        row = corpus.row(sid)
        base = scene.make_scene(int(row["seed"]), n_texts=CFG.n_texts, **scene_overrides(row))[0]
        inside = np.asarray(masks.values, bool)
        enc = scene.ENCODING[("sentinel2", "B11")]
        d = ~np.isclose(stack["sentinel2"]["B11"].values, scene.dequantise(scene.quantise(base["sentinel2"]["B11"].values, *enc), *enc),
                        atol=1e-3, equal_nan=True)
        assert not d[:, ~inside.any(0)].any()
        t = stack["sentinel2"].time.values
        for k, e in corpus.events[corpus.events.scene == sid].reset_index(drop=True).iterrows():
            if e.kind in ("fire", "flood", "construction"):
                before = t < np.datetime64(e.start)
                assert not d[before][:, inside[k]].any() and d[~before][:, inside[k]].any()
            y = list(labels.year.values).index(e.year)
            if e.kind in ("fire", "construction", "clearing"):
                assert (labels.values[y][inside[k]] == scene.CLASSES.index(e.after)).all()
            if e.kind != "flood":
                assert (labels.values[y - 1][inside[k]] != labels.values[y][inside[k]]).all()
        assert not (stable_mask(labels, masks) & inside.any(0)).any()


def test_batches_stratified_and_resumable(corpus):
    cfg = SamplerConfig(patch=16, frames=4, n_texts=2)
    bs = CorpusBatches(corpus, cfg, batch_size=2, seed=3, batches_per_scene=1)
    assert {bs.scene_at(i) for i in range(8)} == set(corpus.ids("train"))
    counts = np.unique([bs.scene_at(i) for i in range(8)], return_counts=True)[1]
    assert counts.max() - counts.min() <= 1  # every scene gets its share
    again = next(CorpusBatches(corpus, cfg, 2, seed=3, batches_per_scene=1, start=4))
    same = jax.tree.map(lambda a, b: np.array_equal(np.asarray(a), np.asarray(b), equal_nan=True), bs.batch_at(4), again)
    assert all(jax.tree.leaves(same))


def test_counts_as_text_are_refused_with_an_example_that_works(corpus):
    "CorpusBatches' batch_size, seed, batches_per_scene, cache and start: text was a TypeError ('abc' < 1) or int()'s "
    "ValueError, 2.5 read as 2; now ConfigError naming the setting with an example that, passed back, is accepted."
    cfg = SamplerConfig(patch=16, frames=4, n_texts=2)
    for name in ("batch_size", "seed", "batches_per_scene", "cache", "start"):
        with pytest.raises(ConfigError, match=rf"^{name}='abc' is not a whole number: pass e\.g\. {name}=\d+\.$") as e:
            CorpusBatches(corpus, cfg, **{"batch_size": 2, name: "abc"})
        CorpusBatches(corpus, cfg, **{"batch_size": 2, name: int(re.search(r"=(\d+)\.$", str(e.value)).group(1))})
    with pytest.raises(ConfigError, match="batch_size=2.5"): CorpusBatches(corpus, cfg, batch_size=2.5)
