"""One band of the official product given where the embedding is wanted (`ds['A00']`, a GeoTIFF's band selected) is
named so, with the fix that reads all 64 (`aef.from_official(ds)`): since session 54 any (y, x) map without a band
dim was called 'a similarity, change or class map ... pass the embeddings it was made from' (r3 finding 2), which is
no fix for a band picked out of the product. A map of another name (a score map, a one-band file's `band_data`) keeps
the score-map words. `as_embedding`'s docstring says it keeps a south-first map's storage order (an official tile that
`rioxarray.open_rasterio` read: y ascending) and how to turn it north up."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.geo import north_up
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((4, 5), seed=2))
DS = EMB.assign_coords(band=[f"A{i:02d}" for i in range(64)]).to_dataset("band")


@pytest.mark.parametrize("one", [DS["A00"], DS["A17"], EMB.transpose("band", "y", "x").isel(band=3),
                                 EMB.assign_coords(band=np.arange(1, 65)).sel(band=7),
                                 EMB.isel(band=0, drop=True).rename("band_12")])
def test_one_band_of_the_product_is_named_one_band_with_from_official(one):
    with pytest.raises(DimensionError) as e:
        as_embedding(one)
    said = str(e.value)
    assert "one band" in said and "aef.from_official(ds)" in said and "similarity, change or class map" not in said
    from_official(DS)   # the fix named reads the whole product


@pytest.mark.parametrize("name", ["similarity", "band_data", "band_1", None])
def test_a_map_of_another_name_keeps_the_score_map_words(name):
    one = xr.DataArray(np.zeros((3, 4), np.float32), dims=("y", "x"), name=name)
    with pytest.raises(DimensionError, match="similarity, change or class map"):
        as_embedding(one)


def test_as_embedding_says_it_keeps_a_south_first_tile_and_how_to_turn_it():
    tile = EMB.transpose("band", "y", "x").isel(y=slice(None, None, -1))   # as rioxarray reads an official tile
    got = as_embedding(tile)
    assert (np.diff(got.y.values) > 0).all()   # kept: every tool answers in its input's order
    assert (np.diff(north_up(got).y.values) < 0).all() and (np.diff(from_official(tile).y.values) < 0).all()
    doc = " ".join(as_embedding.__doc__.split())
    assert "south-first (y ascending" in doc and "`geo.north_up(emb)`" in doc and "from_official" in doc
