"The official product names its model (its Earth Engine id): its years and a model of ours are never compared."
import warnings

import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import change
from alphaearth_nb.core import MetadataWarning, MixedModelsError
from alphaearth_nb.cubes import join_years, yearly_change
from alphaearth_nb.embeddings import OFFICIAL_COLLECTION, from_official
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit

OWN = "alphaearth_nb tiny sha256:0123456789ab"


def official(year, seed=0):
    return from_official(fake_official(embedding_from_array(random_unit((6, 6), seed=seed)), time=f"{year}-01-01"))


def own(year, seed=1):
    e = embedding_from_array(random_unit((6, 6), seed=seed))
    return e.assign_attrs({"embedding:model": OWN, "period_start": f"{year}-01-01T00:00:00",
                           "period_end": f"{year + 1}-01-01T00:00:00"})


def test_official_vs_own_is_refused():
    "from_official set no model, so change(official 2023, own 2024) gave the models' difference as change, silently."
    a, b = official(2023), own(2024)
    assert a.attrs["embedding:model"] == OFFICIAL_COLLECTION == "GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL"
    with pytest.raises(MixedModelsError, match="official product") as e: change(a, b)
    assert OWN in str(e.value) and "official.open" in str(e.value)
    with pytest.raises(MixedModelsError): join_years([a, b], [2023, 2024])
    assert float(change(a, official(2024, seed=2)).max()) > 0        # official vs official: compared as before


def test_stores_keep_the_official_id_and_read_the_old_name_as_it(tmp_path):
    "to_zarr named unknown data the official product; stores written before name it by its old product name."
    pytest.importorskip("rioxarray")
    from alphaearth_nb.exports import open_zarr, read_cog, to_cog, to_zarr
    a = official(2023)
    assert open_zarr(to_zarr(a, tmp_path / "a.zarr")).attrs["embedding:model"] == OFFICIAL_COLLECTION
    assert read_cog(to_cog(a, tmp_path / "a.tif", overviews=False)).attrs["embedding:model"] == OFFICIAL_COLLECTION
    old = a.copy(); old.attrs = {"crs": a.attrs["crs"], "embedding:model": "AlphaEarth Foundations (Satellite Embedding V1, annual)"}
    assert open_zarr(to_zarr(old, tmp_path / "old.zarr")).attrs["embedding:model"] == OFFICIAL_COLLECTION
    change(a, old)                                                  # one model under two names: compared
    with pytest.raises(MixedModelsError): change(old, own(2024))
    hand = own(2024); hand.attrs = {"crs": hand.attrs["crs"]}      # no model known: none recorded (was: 'official')
    assert "embedding:model" not in open_zarr(to_zarr(hand, tmp_path / "h.zarr")).attrs
    change(own(2023), open_zarr(tmp_path / "h.zarr"))               # passes, as maps recording no model do


def test_a_cube_joined_by_concat_is_warned():
    "xr.concat keeps the first map's attrs: a cube of official 2022 and own 2023/2024 passed as one model's."
    cube = xr.concat([official(2022), own(2023), own(2024, seed=3)], "time")   # its years given: a cube of no year
    cube = cube.assign_coords(time=pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"]))   # is refused
    assert cube.attrs["embedding:model"] == OFFICIAL_COLLECTION     # the others' model lost: what is warned
    with pytest.warns(MetadataWarning, match="join_years"):
        yearly_change(cube)
    with pytest.warns(MetadataWarning, match="xr.concat"):
        change(cube, cube.roll(y=1, roll_coords=False))   # another map: the same twice is a SameMapError
    with pytest.raises(MixedModelsError):                           # join_years checks every map
        join_years([official(2022), own(2023), own(2024, seed=3)], [2022, 2023, 2024])
    good = join_years([own(2022, seed=4), own(2023), own(2024, seed=3)])
    assert not {"period_start", "time"} & set(good.attrs) and good.attrs["embedding:model"] == OWN
    with warnings.catch_warnings():
        warnings.simplefilter("error", MetadataWarning)
        yearly_change(good)                                          # one model's years: no word


def test_official_open_names_the_product(small_mirror):
    "official.open's cube recorded only its source: change against a map of ours passed."
    pytest.importorskip("rioxarray"); pytest.importorskip("geopandas"); pytest.importorskip("odc.geo")
    from alphaearth_nb import official as off
    m = small_mirror((2024,))
    ix = m.index
    box = (ix.wgs84_west.min(), ix.wgs84_south.max(), ix.wgs84_east.max(), ix.wgs84_north.min())
    cube = off.open(box, 2024, source=m)
    assert cube.attrs["embedding:model"] == OFFICIAL_COLLECTION == cube.attrs["source"]
    year = cube.isel(time=0, y=slice(12, 18), x=slice(12, 18)).load()   # inside the tiles (the corner is off them:
    # all NaN, which the door refuses as holding no data before it compares the models, session 48)
    mine = year.copy(data=random_unit((6, 6), seed=9)).assign_attrs({"embedding:model": OWN})
    with pytest.raises(MixedModelsError, match="official product"): change(year, mine)
