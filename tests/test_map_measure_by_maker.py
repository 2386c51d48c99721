"""`map_to_cog` tagged a map by its variable's name alone (`map_files.map_measure`, `cluster_names`): a user's
land-cover raster named `class` was tagged AEF_MEASURE 'class id (...; analysis.classify)', one named `cluster` got
category names 'cluster 0' .., one named `similarity` 'cosine similarity to the query vector, -1..1'; and the
package's own similarity map renamed (`sim.rename('score')`) lost its tag. The package's makers write what their
map is, attrs['measure'] (`pixels.pixelwise` of a derived map given a name; classify's class map), and
`map_files.map_kind` reads it (or the Dataset a maker returns: cluster's centres, classify's scores)."""
import json

import numpy as np
import pandas as pd
import pytest

rasterio = pytest.importorskip("rasterio")
from alphaearth_nb.analysis import change, classify, cluster, similarity
from alphaearth_nb.exports import map_to_cog
from alphaearth_nb.map_files import map_kind
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((6, 7), seed=4))


def _tags(path):
    with rasterio.open(path) as f: return f.tags(), f.tags(1)


@pytest.mark.parametrize("name", ["class", "cluster", "similarity", "change"])
def test_a_users_raster_of_a_package_name_gets_no_package_tags(tmp_path, name):
    ids = np.random.default_rng(0).integers(0, 5, (6, 7)).astype("int32")
    own = EMB.isel(band=0, drop=True).copy(data=ids if name in ("class", "cluster") else ids / 10.0).rename(name)
    assert map_kind(own, own) is None
    tags, band = _tags(map_to_cog(own, tmp_path / f"{name}.tif"))
    assert "AEF_MEASURE" not in tags                                       # was the package's words
    assert "class_names" not in band                                       # was 'cluster 0' .. for `cluster`


def test_the_package_maps_keep_their_tags_renamed_or_not(tmp_path):
    sim = similarity(EMB, EMB.values[1, 2])
    assert sim.attrs["measure"] == "similarity"
    for m, p in ((sim, "s.tif"), (sim.rename("score"), "r.tif")):          # renamed: was no tag
        assert "cosine" in _tags(map_to_cog(m, tmp_path / p))[0]["AEF_MEASURE"]
    ch = change(EMB, embedding_from_array(random_unit((6, 7), seed=5)))
    assert "0..2" in _tags(map_to_cog(ch, tmp_path / "c.tif"))[0]["AEF_MEASURE"]
    k = cluster(EMB, 3, seed=0)
    tags, band = _tags(map_to_cog(k["cluster"], tmp_path / "k.tif"))      # the map alone, no centres beside
    assert "k-means" in tags["AEF_MEASURE"] and json.loads(band["class_names"])[0] == "cluster 0"
    pts = pd.DataFrame({"x": EMB.x.values[[0, 1, 2, 3]], "y": EMB.y.values[[0, 1, 2, 3]], "label": list("abab")})
    cls = classify(EMB, pts, column="label", k=1)
    assert "class id" in _tags(map_to_cog(cls["class"], tmp_path / "cls.tif"))[0]["AEF_MEASURE"]
