"""Two rules for one fault: a similarity query vector of another model than the map's was refused by
`analysis.query_vector`'s own test and words ('two models [...]: their cosine is no similarity'), a change of two
models by `years.one_model` ('... the official product (...) and ...: their change would be ...'). `query_vector` now
asks `one_model`, the one rule, with its own fix: the same reading of the models (the official product named as such),
the same words, and a query that records no model still passes."""
import numpy as np
import pytest

import alphaearth_nb.analysis as analysis
from alphaearth_nb.analysis import change, similarity
from alphaearth_nb.core import MixedModelsError
from alphaearth_nb.embeddings import OFFICIAL_COLLECTION
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.years import one_model

OWN, OTHER = "alphaearth_nb tiny 0123abcd", "alphaearth_nb small 4567ef01"


def _map(model, seed=0, shape=(6, 6)):
    return embedding_from_array(random_unit(shape, seed=seed)).assign_attrs(**{"embedding:model": model})


def test_query_vector_asks_the_one_rule(monkeypatch):
    asked = []
    def spy(*embs, **kw):
        asked.append((embs, kw))
        return one_model(*embs, **kw)
    monkeypatch.setattr(analysis, "one_model", spy)
    e = _map(OWN)
    similarity(e, e.isel(y=1, x=2))
    assert any(len(embs) == 2 and kw.get("what") == "the map and the query vector" for embs, kw in asked), asked


@pytest.mark.parametrize("map_model, query_model, pair", [
    (OFFICIAL_COLLECTION, OWN, f"the official product ({OFFICIAL_COLLECTION}) and {OWN!r}"),
    (OWN, OFFICIAL_COLLECTION, f"the official product ({OFFICIAL_COLLECTION}) and {OWN!r}"),
    (OWN, OTHER, f"{OWN!r} and {OTHER!r}")])
def test_the_query_and_the_change_refusals_read_the_models_alike(map_model, query_model, pair):
    e, q = _map(map_model), _map(query_model, seed=3)
    with pytest.raises(MixedModelsError) as by_query: similarity(e, q.isel(y=0, x=0))
    with pytest.raises(MixedModelsError) as by_change: change(e, q)
    for err in (by_query, by_change):
        assert f"come from two models, {pair}: comparing their vectors" in str(err.value), err.value
    said = str(by_query.value)
    assert said.startswith("the map and the query vector") and "emb.aef.similarity((x, y))" in said, said
    assert "aef.embed(stack, model, year)" not in said, said   # the years' fix is not the query's


def test_one_model_takes_the_fix_it_is_given_and_passes_what_records_none():
    with pytest.raises(MixedModelsError, match=r"two models.*Do X\.$"): one_model(_map(OWN), _map(OTHER), fix="Do X.")
    assert one_model(_map(OWN), _map(OWN)) == OWN
    e = _map(OWN)
    assert np.isfinite(similarity(e, _map(OTHER).isel(y=0, x=0).drop_attrs()).values).all()
