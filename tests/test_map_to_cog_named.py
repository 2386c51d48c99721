"""A map of one value a pixel (a similarity, change or class map: dims (y, x), or a one-band (band, y, x) as
rioxarray reads a map's GeoTIFF) given to `to_cog`, the writer of 64-band embeddings, got `as_embedding`'s "pass the
output of `aef.embed(...)`": it names `map_to_cog`, the writer of such maps, as a call that runs."""
import numpy as np
import pytest

from alphaearth_nb.core import DimensionError
from alphaearth_nb.exports import map_to_cog, read_cog, to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rasterio")


@pytest.fixture(scope="module")
def e24():
    return embedding_from_array(random_unit((6, 5), seed=1))


def _maps(e):
    sim = e.aef.similarity(e.isel(y=0, x=0))                      # (y, x) float
    return {"similarity": sim, "one band": sim.expand_dims(band=[1]),   # (band, y, x) of 1, as rioxarray reads a map
            "classes": (sim > 0).astype(np.int16)}


@pytest.mark.parametrize("kind", ["similarity", "one band", "classes"])
def test_a_map_given_to_to_cog_names_map_to_cog(e24, tmp_path, kind):
    m = _maps(e24)[kind]
    for write in (lambda p: to_cog(m, p), lambda p: m.aef.to_cog(p)):
        with pytest.raises(DimensionError) as e:
            write(tmp_path / "m.tif")
        said = str(e.value)
        assert "one value a pixel" in said and ".aef.map_to_cog(" in said and "aef.embed(" not in said, said
        assert not (tmp_path / "m.tif").exists()
    if kind == "one band": m = m.squeeze("band", drop=True)   # the fix it names, run: the map written
    p = map_to_cog(m, tmp_path / "ok.tif")
    assert p.exists()


def test_an_embedding_still_writes(e24, tmp_path):
    p = to_cog(e24, tmp_path / "e.tif")
    assert read_cog(p).sizes["band"] == 64
