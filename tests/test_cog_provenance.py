"A COG keeps what a Zarr store keeps of a map's origin: its source, year, period and model (GDAL tags)."
import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.embeddings import OFFICIAL_COLLECTION, from_official, read_official_tiff
from alphaearth_nb.exports import map_to_cog, open_zarr, read_cog, to_cog, to_zarr
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit

KEPT = ("source", "time", "period_start", "period_end", "embedding:model")


@pytest.fixture(scope="module")
def official():
    "One year of the official product as xee gives it: attrs source (the collection) and time (its year)."
    return from_official(fake_official(embedding_from_array(random_unit((8, 8), seed=5)), time="2023-01-01"))


def test_a_cog_round_trip_keeps_what_a_zarr_round_trip_keeps(official, tmp_path):
    "read_cog gave back {'crs'} only: the source and the year were lost, while open_zarr kept both."
    z = open_zarr(to_zarr(official, tmp_path / "a.zarr"))
    c = read_cog(to_cog(official, tmp_path / "a.tif", overviews=False))
    assert c.attrs["source"] == OFFICIAL_COLLECTION and c.attrs["time"].startswith("2023-01-01"), c.attrs
    for k in ("source", "time", "crs"): assert c.attrs[k] == z.attrs[k], k
    own = official.copy(); own.attrs = {"crs": "EPSG:32631", "period_start": "2024-01-01T00:00:00",
                                       "period_end": "2025-01-01T00:00:00", "embedding:model": "alphaearth_nb tiny sha256:abc"}
    for dtype in ("int8", "float32"):
        c = read_cog(to_cog(own, tmp_path / f"own_{dtype}.tif", dtype=dtype, overviews=False))
        assert {k: c.attrs.get(k) for k in KEPT if k in own.attrs} == {k: own.attrs[k] for k in KEPT if k in own.attrs}
    # read_official_tiff reads our tags too (the year was lost there as well), and carries no AEF_ tag along
    r = read_official_tiff(tmp_path / "a.tif")
    assert r.attrs["time"].startswith("2023-01-01") and r.attrs["source"] == OFFICIAL_COLLECTION
    assert not any(k.startswith("AEF_") for k in r.attrs)


def test_join_years_reads_the_years_of_cogs(tmp_path):
    "join_years found no period in read_cog's maps ('records no period'): embed's period_start was not kept."
    from alphaearth_nb.cubes import join_years
    maps = []
    for i, y in enumerate((2022, 2023)):
        e = embedding_from_array(random_unit((6, 6), seed=i))
        e.attrs.update(period_start=f"{y}-01-01T00:00:00", period_end=f"{y + 1}-01-01T00:00:00")
        maps.append(read_cog(to_cog(e, tmp_path / f"{y}.tif", overviews=False)))
    assert list(join_years(maps).time.dt.year.values) == [2022, 2023]


def test_a_class_cog_names_its_source_and_year(official, tmp_path):
    "map_to_cog wrote no origin: a class map of 2023's official embedding said neither where nor when."
    import rasterio
    import pandas as pd
    pts = pd.DataFrame({"x": official.x.values[[1, 6]], "y": official.y.values[[1, 6]], "label": ["a", "b"]})
    ds = official.aef.classify(pts, k=1)
    with rasterio.open(map_to_cog(ds, tmp_path / "c.tif")) as f: tags = f.tags()
    assert tags["AEF_DERIVED_FROM"] == OFFICIAL_COLLECTION and tags["AEF_TIME"].startswith("2023-01-01"), tags
    assert "AEF_SOURCE" not in tags and "AEF_MODEL" not in tags   # s49: a class map is not the embedding collection
