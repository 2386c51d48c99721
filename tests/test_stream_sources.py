"A CorpusStream whose sampler reads a source the site corpus lacks is named when it is made, with the corpus."
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb import export, samples, stream
from alphaearth_nb.core import ConfigError, MissingSourceError


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("src") / "c"
    export.fake_corpus(path, n_sites=2, size=32, sources=("sentinel2",), fake=export.FakeEE())
    return path


def cfg(inputs, targets):
    return samples.SamplerConfig(patch=16, inputs=inputs, targets=targets, frames=4, n_texts=2)


@pytest.mark.parametrize("inputs, targets, lack", [
    (("sentinel1",), ("sentinel1",), "'sentinel1'"),            # was: EmptyStackError 'the stack has no sources'
    (("sentinel2",), ("sentinel2", "dem"), "'dem'"),            # was: at the first batch, in a worker thread
    (("sentinel2", "sentinel1"), ("sentinel2",), "'sentinel1'"),
])
def test_a_source_the_corpus_lacks_is_named_when_the_stream_is_made(corpus, inputs, targets, lack):
    with pytest.raises(MissingSourceError) as e: stream.CorpusStream(corpus, cfg(inputs, targets), 2)
    msg = str(e.value)
    assert f"the sampler reads {lack}" in msg and f"the corpus {corpus} holds only sentinel2" in msg
    assert "preset('tiny', inputs=('sentinel2',), targets=('sentinel2',))" in msg


def test_the_corpus_json_names_its_corpus_and_a_batch_of_none_is_refused_as_such(corpus):
    s = stream.CorpusStream(corpus / "corpus.json", cfg(("sentinel2",), ("sentinel2",)), 2)   # was: 'no corpus.json'
    assert len(s.site_ids) == 2
    with pytest.raises(ConfigError, match="batch_size=0: use at least 1"):   # was: 'use a multiple of 1'
        stream.CorpusStream(corpus, cfg(("sentinel2",), ("sentinel2",)), 0)
