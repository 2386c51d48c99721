"""Maps made of an embedding's vectors are no embedding (newcomer, s49): similarity, change, classify and cluster
outputs kept `source` and `embedding:model` = GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL, so a class map exported as a COG
was tagged AEF_SOURCE/AEF_MODEL, the embedding collection's identity. `pixels.map_attrs` now moves that identity to
`derived_from`; an embedding (vectors kept) keeps it. And a similarity query vector of another model was compared
silently (change refuses the same mix): `query_vector` refuses it, `MixedModelsError`."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import change, classify, similarity
from alphaearth_nb.clusters import cluster
from alphaearth_nb.core import MixedModelsError
from alphaearth_nb.embeddings import OFFICIAL_COLLECTION
from alphaearth_nb.testing import embedding_from_array, random_unit

OWN = "alphaearth_nb tiny 0123abcd"


def _official(seed=0):
    e = embedding_from_array(random_unit((8, 8), seed=seed))
    e.attrs.update(source=OFFICIAL_COLLECTION, **{"embedding:model": OFFICIAL_COLLECTION}, time="2024-01-01")
    return e


def _pts(e):
    return pd.DataFrame({"x": e.x.values[[1, 6, 2, 5]], "y": e.y.values[[1, 6, 5, 2]], "label": ["a", "b", "a", "b"]})


MAKERS = {"similarity": lambda e: similarity(e, e.values[0, 0]), "change": lambda e: change(e, _official(1)),
          "classify": lambda e: classify(e, _pts(e), k=1), "class": lambda e: classify(e, _pts(e), k=1)["class"],
          "cluster": lambda e: cluster(e, 3, seed=0), "cluster ids": lambda e: cluster(e, 3, seed=0)["cluster"]}


@pytest.mark.parametrize("what", list(MAKERS))
def test_a_derived_map_says_what_it_came_from_not_that_it_is_it(what):
    m = MAKERS[what](_official())
    assert "source" not in m.attrs and "embedding:model" not in m.attrs, m.attrs
    assert m.attrs["derived_from"] == OFFICIAL_COLLECTION and m.attrs["crs"] == "EPSG:32631"


def test_an_embedding_keeps_its_identity():
    e = _official()
    assert e.aef.coarsen(2).attrs.get("embedding:model") == OFFICIAL_COLLECTION


def test_a_class_cog_is_tagged_derived_from(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    from alphaearth_nb.exports import map_to_cog
    with rasterio.open(map_to_cog(classify(_official(), _pts(_official()), k=1), tmp_path / "c.tif")) as f: tags = f.tags()
    assert tags["AEF_DERIVED_FROM"] == OFFICIAL_COLLECTION and "AEF_SOURCE" not in tags and "AEF_MODEL" not in tags


def test_a_query_vector_of_another_model_is_refused():
    e = _official()
    own = embedding_from_array(random_unit((3, 3), seed=5)).assign_attrs(**{"embedding:model": OWN})
    with pytest.raises(MixedModelsError) as err: similarity(e, own.isel(y=0, x=0))
    assert OFFICIAL_COLLECTION in str(err.value) and OWN in str(err.value) and "emb.aef.similarity((x, y))" in str(err.value)
    with pytest.raises(MixedModelsError): change(e, own.reindex_like(e))   # as change refuses them
    q = e.isel(y=2, x=3)   # the map's own vector, and one that records no model, pass
    assert float(similarity(e, q).max()) == pytest.approx(1.0)
    assert np.isfinite(similarity(e, own.isel(y=0, x=0).drop_attrs()).values).all()
