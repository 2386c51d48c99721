"""xarray keeps a map's name and attrs through arithmetic and comparisons, so `sim * 100` (a percent) or `sim > 0.5`
(a mask) still said attrs['measure'] == 'similarity', and `map_to_cog` tagged it AEF_MEASURE 'cosine similarity to
the query vector, -1..1'. `map_files.map_kind` now checks the values fit the kind its attrs say (a score: floats in its
range; a class or cluster id: whole), read once with the values `map_to_cog` writes."""
import pandas as pd
import pytest

rasterio = pytest.importorskip("rasterio")
from alphaearth_nb.analysis import change, classify, similarity
from alphaearth_nb.exports import map_to_cog
from alphaearth_nb.map_files import map_kind
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((6, 7), seed=4))
SIM = similarity(EMB, EMB.values[1, 2])


def _measure(m, path):
    with rasterio.open(map_to_cog(m, path)) as f: return f.tags().get("AEF_MEASURE")


@pytest.mark.parametrize("made", [lambda s: s * 100, lambda s: s > 0.5, lambda s: (s * 10).round().astype("int16")])
def test_a_map_made_from_a_similarity_map_is_no_similarity(tmp_path, made):
    m = made(SIM)
    assert m.attrs.get("measure") == "similarity"      # xarray kept it
    assert map_kind(m, m) is None
    assert _measure(m, tmp_path / "m.tif") is None      # was 'cosine similarity to the query vector, -1..1'


def test_the_package_maps_still_say_what_they_are(tmp_path):
    assert "cosine" in _measure(SIM, tmp_path / "s.tif")
    assert "cosine" in _measure(SIM.where(SIM > 0), tmp_path / "w.tif")   # masked: still a similarity
    ch = change(EMB, embedding_from_array(random_unit((6, 7), seed=5)))
    assert "0..2" in _measure(ch, tmp_path / "c.tif")
    assert map_kind(ch - 1, ch - 1) is None                                  # -1..1: no change
    pts = pd.DataFrame({"x": EMB.x.values[[0, 1, 2, 3]], "y": EMB.y.values[[0, 1, 2, 3]], "label": list("abab")})
    cls = classify(EMB, pts, column="label", k=1)["class"]
    assert "class id" in _measure(cls, tmp_path / "k.tif")
    assert map_kind(cls / 2, cls / 2) is None                                # halves: no class ids


def test_a_float_class_or_cluster_map_keeps_its_kind():
    """A class map masked with NaN (`res['class'].where(mask)`) is floats holding whole ids: still a class map (the
    first cut of the value check took every float id map for no id map, so map_to_cog wrote no AEF_MEASURE)."""
    import numpy as np, xarray as xr
    from alphaearth_nb.map_files import map_kind
    for kind in ("class", "cluster"):
        m = xr.DataArray(np.array([[0., 1.], [np.nan, 2.]], np.float32), dims=("y", "x"), name=kind,
                         attrs={"measure": kind})
        assert map_kind(m, m) == kind
        assert map_kind(m + 0.5, m + 0.5) is None   # no whole ids: no id map
