"""fit of data that carries its own sampler (a `samples.Batches`, a `stream.CorpusStream`) cut at another patch than
the model's was told "leave patch out of sampler=", though no sampler= was given (the data's own sampler is read, so
leaving sampler= out changes nothing), and a corpus was named "the CorpusStream' sampler". The fix now names the
object and how to make it with the model's own sampler. And fit of a path (or None) with texts= was told "fit's data
is a str, which brings its own texts" where the path's own refusal (load it first) is the one that helps."""
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb import samples
from alphaearth_nb.core import AEFError, ConfigError, DTypeError
from alphaearth_nb.stacks import toy_stack

TEXTS = pd.DataFrame({"y": [0.0], "x": [0.0], "time": ["2021-06-01"], "text": ["a field"]})


@pytest.fixture(scope="module")
def stack():
    return toy_stack(n_time=4, size=40)


def test_batches_of_another_patch_name_the_batches_way(stack):
    cfg = samples.sampler_config(aef.preset("tiny"), "tiny", patch=16)
    with pytest.raises(ConfigError) as e:
        aef.fit("tiny", samples.Batches(stack, cfg, 2), steps=1, batch_size=2, progress=False)
    msg = str(e.value)
    assert "the Batches' sampler has patch=16 but the model's is 32" in msg, msg
    assert "sampler=" not in msg and "samples.Batches(stack, aef.samples.sampler_config(model.cfg)" in msg, msg
    assert "aef.preset('tiny', patch=16)" in msg, msg   # the other way out kept


def test_a_corpus_stream_of_another_patch_names_the_corpus_way(tmp_path):
    pytest.importorskip("geopandas")
    from alphaearth_nb import export, stream
    export.fake_corpus(tmp_path / "c", n_sites=2, size=32, sources=("sentinel2",), fake=export.FakeEE())
    cut = samples.SamplerConfig(patch=16, inputs=("sentinel2",), targets=("sentinel2",), frames=4, n_texts=2)
    with pytest.raises(ConfigError) as e:
        aef.fit("tiny", stream.CorpusStream(tmp_path / "c", cut, 2), steps=1, batch_size=2, progress=False)
    msg = str(e.value)
    assert "the CorpusStream's sampler has patch=16 but the model's is 32" in msg, msg
    assert "sampler=" not in msg and "CorpusStream(path, aef.samples.sampler_config(model.cfg)" in msg, msg


def test_sampler_given_keeps_its_words(stack):
    with pytest.raises(ConfigError, match=r"leave patch out of sampler="):
        aef.fit("tiny", stack, steps=1, batch_size=2, sampler={"patch": 16}, progress=False)


@pytest.mark.parametrize("data", ["stack.zarr", None])
def test_a_path_with_texts_gets_the_paths_own_refusal(data):
    with pytest.raises(AEFError) as e:
        aef.fit("tiny", data, texts=TEXTS, steps=1, batch_size=2, progress=False)
    msg = str(e.value)
    assert "brings its own texts" not in msg, msg
    if data is not None: assert isinstance(e.value, DTypeError) and "load it first" in msg, msg
