"""A tile read alone from the official mirrors' layout (`.../v1/annual/2024/31N/<file>.tiff`, copies `YEAR/ZONE/<file>`)
records the year its path names when its tags name none: read_official_tiff (any reader), from_official and
as_embedding of rioxarray's read, read_cog. Was: no year (`years.map_year` None), so `join_years` of two such tiles
had to be told their years. A year the file's tags record (AEF_TIME, `to_cog`'s) wins; other paths give none."""
import pytest

from alphaearth_nb.embeddings import as_embedding, from_official, read_official_tiff
from alphaearth_nb.exports import read_cog, to_cog
from alphaearth_nb.paths import layout_year
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.years import map_year

rioxarray = pytest.importorskip("rioxarray")


def _tile(p, attrs=None):
    "A tile as the mirrors store it (int8 codes, rows bottom-up; `to_cog` tags no year unless attrs give one)."
    e = embedding_from_array(random_unit((4, 5), 1))
    e.attrs.update(attrs or {})
    p.parent.mkdir(parents=True, exist_ok=True)
    return to_cog(e, p, bottom_up=True, overviews=False)


READS = {"read_official_tiff": read_official_tiff,
         "read_official_tiff reader": lambda p: read_official_tiff(
             p, reader=lambda q, c: rioxarray.open_rasterio(q, mask_and_scale=False).drop_encoding()),   # no source kept
         "from_official": lambda p: from_official(rioxarray.open_rasterio(p)),
         "as_embedding": lambda p: as_embedding(rioxarray.open_rasterio(p)),
         "read_cog": read_cog}


@pytest.mark.parametrize("read", list(READS))
def test_the_layout_names_the_year(tmp_path, read):
    for year in (2019, 2024):
        p = _tile(tmp_path / "mirror" / str(year) / "31N" / "xs5-0000000000-0000000000.tiff")
        assert map_year(READS[read](p)) == year


@pytest.mark.parametrize("read", list(READS))
def test_tags_win_and_other_paths_name_none(tmp_path, read):
    p = _tile(tmp_path / "2024" / "31N" / "t.tiff", {"time": "2021-01-01"})
    assert map_year(READS[read](p)) == 2021
    assert map_year(READS[read](_tile(tmp_path / "maps" / "2024" / "t.tiff"))) is None


def test_addresses_of_the_mirrors():
    for href in ("https://data.source.coop/tge-labs/aef/v1/annual/2023/17N/xs5-0000000000-0000000000.tiff",
                 "gs://alphaearth_foundations/satellite_embedding/v1/annual/2023/10S/t.tiff",
                 "/vsigs/alphaearth_foundations/satellite_embedding/v1/annual/2023/10S/t.tiff",
                 "s3://us-west-2.opendata.source.coop/tge-labs/aef/v1/annual/2023/1N/t.tiff"):
        assert layout_year(href) == 2023, href
    assert layout_year("https://example.org/2023/emb.tif") is None
