"""embeddings (555 of the layout's 600 lines in session 54) has what a map says of its origin, kept in a GeoTIFF's
GDAL tags, in `provenance` (nbs/22e_provenance, session 55): embeddings re-exports every name of it, the same object,
in its `__all__`, so `from alphaearth_nb.embeddings import OFFICIAL_COLLECTION, provenance_attrs` and
`aef.embeddings.tags_read` work as before, and `exports`, `mirrors`, `stores`, `years` import them there still."""
import numpy as np

from alphaearth_nb.testing import embedding_from_array, random_unit

NAMES = """OFFICIAL_COLLECTION TIFF_SCHEME INT8_SCHEME COG_ATTRS COG_INTS MODEL_ALIASES tiff_scheme provenance_tags
    provenance_attrs tags_read dated_by_path model_name""".split()


def test_embeddings_re_exports_what_moved_to_provenance(reexported):
    provenance, embeddings = reexported("provenance", "embeddings", NAMES)
    assert set(provenance.__all__) == set(NAMES)


def test_the_tags_round_trip_through_embeddings():
    "Hand-worked: a tiled map's attrs as tags and back; the tiling numbers read as int, the old model name as its id."
    from alphaearth_nb.embeddings import OFFICIAL_COLLECTION, provenance_attrs, provenance_tags, tags_read
    a = {"source": "ours", "embedding:model": "AlphaEarth Foundations (Satellite Embedding V1, annual)", "tile": 256,
         "crs": "EPSG:32631"}
    tags = provenance_tags(a)
    assert tags == {"AEF_SOURCE": "ours", "AEF_MODEL": a["embedding:model"], "AEF_TILE": "256"}
    assert provenance_attrs(tags) == {"source": "ours", "embedding:model": OFFICIAL_COLLECTION, "tile": 256}
    assert tags_read({**tags, "AEF_QUANTIZATION": "official-int8-sqrt", "TIFFTAG_IMAGEDESCRIPTION": "codes",
                      "scale": 2}) == {"scale": 2, "source": "ours", "embedding:model": OFFICIAL_COLLECTION, "tile": 256}


def test_a_map_read_from_a_mirror_keeps_its_year_through_as_embedding():
    "The re-exported `dated_by_path` is what as_embedding reads a mirror's year with (its `encoding['source']`)."
    from alphaearth_nb.embeddings import as_embedding
    e = embedding_from_array(random_unit((3, 4), seed=1)).transpose("band", "y", "x")
    e.encoding["source"] = "/data/v1/annual/2023/31N/tile.tiff"
    got = as_embedding(e)
    assert got.attrs["time"] == "2023-01-01T00:00:00" and np.isfinite(got.values).all()


def test_the_split_modules_keep_under_the_cap(split_module_check):
    split_module_check("provenance", 150)   # 95 when split from embeddings (session 55)
