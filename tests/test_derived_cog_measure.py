"""A derived map's COG says what its values are (newcomer s52, finding 13). Was: sim.tif's tags were only
AEF_DERIVED_FROM, AEF_MIRROR and AEF_TIME: nothing said the band is a cosine in -1..1, a cluster map's k, or what a
change map's numbers mean."""
import pytest

rasterio = pytest.importorskip("rasterio")
from alphaearth_nb.analysis import change, cluster, similarity
from alphaearth_nb.exports import map_to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((6, 7), seed=4))


def _measure(path):
    with rasterio.open(path) as f: return f.tags().get("AEF_MEASURE")


def test_each_derived_map_says_what_it_measures(tmp_path):
    sim = similarity(EMB, EMB.values[1, 2])
    assert "cosine" in _measure(map_to_cog(sim, tmp_path / "sim.tif")) and "-1..1" in _measure(tmp_path / "sim.tif")
    k = 3
    cl = cluster(EMB, k, seed=0)
    assert f"k = {k}" in _measure(map_to_cog(cl, tmp_path / "cl.tif"))
    other = embedding_from_array(random_unit((6, 7), seed=5))
    assert "0..2" in _measure(map_to_cog(change(EMB, other), tmp_path / "ch.tif"))


def test_a_users_own_map_gets_no_measure(tmp_path):
    own = EMB.isel(band=0).rename("ndvi")   # a map the package did not make: nothing claimed
    assert _measure(map_to_cog(own, tmp_path / "own.tif")) is None
