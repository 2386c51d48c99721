"""A source's `cloud` layer (`stacks.CLOUD`: nonzero = cloudy, the pixels' loss weight 0, still inputs; AEF.md
section 1) comes back from the stores that keep it: a site corpus read by `stream.SiteCorpus.read` (the Earth Engine
export writes the layer, `earthengine.to_stack_dataset`) and a scene corpus by `corpus.Corpus.load`. Was (before
session 41): both read back the registry bands only, so a model trained from either had the clouds as targets."""
import tempfile
from pathlib import Path

import numpy as np
import pytest

from alphaearth_nb.stacks import CLOUD, source_arrays


def test_a_site_corpus_reads_its_cloud_layer_back():
    pytest.importorskip("geopandas")
    from alphaearth_nb import export, stream
    path = Path(tempfile.mkdtemp()) / "c"
    export.fake_corpus(path, n_sites=1, size=32, sources=("sentinel2", "dem"), fake=export.FakeEE())
    c = stream.SiteCorpus(path)
    st, _ = c.read(c.ids()[0])
    assert CLOUD in st["sentinel2"].to_dataset().data_vars
    assert source_arrays(st, "sentinel2").clear is not None


def test_a_scene_corpus_loads_its_cloud_layer_back(tmp_path):
    from alphaearth_nb.corpus import Corpus, CorpusConfig, write_corpus
    cfg = CorpusConfig(n_scenes=2, n_regions=2, holdout_every=2, size=48, years=(2, 2), n_texts=2, event_chance=0.0)
    c = Corpus(write_corpus(tmp_path / "c", cfg, progress=False))
    stack = c.load(c.ids()[0])[0]
    for name in ("sentinel2", "landsat"):
        cloud = stack[name].to_dataset()[CLOUD].values
        assert np.isin(cloud, [0.0, 1.0]).all() and 0 < cloud.mean() < 1, name
