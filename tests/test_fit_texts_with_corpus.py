"""fit(corpus, texts=df) (a CorpusStream, whose sites bring their own texts), fit(Batches, texts=df) and fit of an
iterable of batches with texts= trained without reading the texts, not a word said: the Python form of `aef train
--corpus C --texts notes.csv`, which the command refuses. fit now refuses texts= with data that is no stack, a
ConfigError before any work; a stack with texts= is read as before."""
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb import samples
from alphaearth_nb.core import ConfigError
from alphaearth_nb.stacks import toy_stack

TEXTS = pd.DataFrame({"y": [0.0], "x": [0.0], "time": ["2021-06-01"], "text": ["a field"]})


@pytest.mark.parametrize("form", ["batches", "iterable"])
def test_texts_with_data_of_their_own_are_refused(form, tmp_path):
    st = toy_stack(size=32)
    data = samples.Batches(st, samples.sampler_config(aef.preset("tiny"), "tiny"), 2) if form == "batches" else iter([])
    with pytest.raises(ConfigError, match=r"texts= goes with a stack, but fit's data is a (Batches|list_iterator)"):
        aef.fit("tiny", data, texts=TEXTS, steps=1, batch_size=2, out=tmp_path / "run", progress=False)
    assert not (tmp_path / "run").exists()
