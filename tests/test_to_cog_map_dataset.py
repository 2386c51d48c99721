"""`to_cog` of a Dataset that holds one of the package's maps and no embedding (`classify`'s `class` and `scores`,
`cluster`'s `cluster` and `centres`, a similarity map's `.to_dataset()`) said "a source stack must be embedded first
with `.aef.embed(model, period)`" (as_embedding's words for a stack), and `ds.aef.to_cog(p)` said "call it on the
embedding that went into classify": neither wrote the map. Both name the map and its writer,
`ds['class'].aef.map_to_cog(path)`, as a call that runs (class ids with their names and colour table)."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import DimensionError
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((12, 10), seed=2))


def _results(e):
    pts = pd.DataFrame({"x": e.x.values[[1, 3, 6, 8]], "y": e.y.values[[1, 4, 7, 10]], "label": list("abab")})
    return {"classify": e.aef.classify(pts, k=1), "cluster": e.aef.cluster(3),
            "similarity": e.aef.similarity(e.isel(y=0, x=0)).to_dataset()}


@pytest.mark.parametrize("kind,var", [("classify", "class"), ("cluster", "cluster"), ("similarity", "similarity")])
def test_a_map_dataset_given_to_to_cog_names_its_map_and_map_to_cog(emb, tmp_path, kind, var):
    ds = _results(emb)[kind]
    path = tmp_path / "m.tif"
    writes = [lambda: to_cog(ds, path), lambda: ds.aef.to_cog(path)]
    for write in writes:
        with pytest.raises(DimensionError) as e:
            write()
        said = str(e.value)
        assert "embedded first" not in said and "went into" not in said, said
        assert f"ds['{var}'].aef.map_to_cog(" in said, said
        assert not path.exists()
    call = re.search(r"`(ds\['\w+'\]\.aef\.map_to_cog\([^`]*\))`", str(e.value)).group(1)
    out = eval(call.replace("(path)", f"({str(path)!r})"), {"ds": ds})   # the call it names, run as written
    with rasterio.open(out) as f:
        got = f.read(1)
        assert got.shape == ds[var].shape
        if kind != "similarity":   # class ids kept, with their colour table
            np.testing.assert_array_equal(got, ds[var].values)
            assert f.colormap(1)[0][3] == 255


def test_a_dataset_holding_an_embedding_still_writes(emb, tmp_path):
    ds = emb.to_dataset(name="band_data")   # one variable of a 64-long band: an embedding, as rioxarray reads a COG
    p = to_cog(ds, tmp_path / "e.tif")
    with rasterio.open(p) as f:
        assert f.count == 64
