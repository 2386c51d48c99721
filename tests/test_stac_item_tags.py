"""stores.stac_item reads what the file says of itself (newcomer s52, findings 2-4). Was: every file dated 2017-01-01
to today when year= was not given, though our COGs say their year (AEF_TIME) or an own model's period
(AEF_PERIOD_START/END); year=2024 ended 2025-01-01T00:00:00+00:00 (STAC's end is inclusive: it overlapped 2025's item)
beside '...Z' times; a similarity or cluster COG was an asset 'embedding' of embedding:model GOOGLE/... and
embedding:dimensions 1; embedding:* fields named no extension schema; a DataArray gave TypeError 'expected str,
bytes or os.PathLike object'."""
import datetime as dt

import pytest

pystac = pytest.importorskip("pystac")
pytest.importorskip("rasterio")
from alphaearth_nb.core import AEFError, PeriodError
from alphaearth_nb.exports import map_to_cog, to_cog
from alphaearth_nb.stores import stac_item
from alphaearth_nb.testing import embedding_from_array, random_unit

UTC = "%Y-%m-%dT%H:%M:%SZ"


def _emb(**attrs):
    e = embedding_from_array(random_unit((4, 4), seed=3))
    e.attrs.update(attrs)
    return e


def _times(item):
    p = item.properties
    return p["start_datetime"], p["end_datetime"]


def test_the_file_year_is_read_without_year(tmp_path):
    cog = to_cog(_emb(time="2024-01-01T00:00:00"), tmp_path / "y.tif", overviews=False)
    assert _times(stac_item(cog)) == ("2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z")
    assert _times(stac_item(cog, year=2024)) == _times(stac_item(cog))


def test_an_own_model_period_is_read(tmp_path):
    cog = to_cog(_emb(period_start="2023-03-01T00:00:00.000", period_end="2024-03-01T00:00:00.000",
                      **{"embedding:model": "alphaearth_nb tiny sha256:abc"}), tmp_path / "own.tif", overviews=False)
    item = stac_item(cog)
    assert _times(item) == ("2023-03-01T00:00:00Z", "2024-02-29T23:59:59Z")
    assert item.properties["embedding_model"] == "alphaearth_nb tiny sha256:abc"
    with pytest.raises(PeriodError, match="leave `year` out"):   # a year the file does not describe
        stac_item(cog, year=2023)


def test_a_year_item_ends_inside_its_year_in_one_format(tmp_path):
    cog = to_cog(_emb(), tmp_path / "n.tif", overviews=False)   # no tag: the year given
    d = stac_item(cog, year=2024).to_dict()
    s, e = d["properties"]["start_datetime"], d["properties"]["end_datetime"]
    assert dt.datetime.strptime(e, UTC).year == 2024 and dt.datetime.strptime(s, UTC) < dt.datetime.strptime(e, UTC)
    untagged = stac_item(cog).properties   # the product's record, same format
    for v in (untagged["start_datetime"], untagged["end_datetime"]): dt.datetime.strptime(v, UTC)
    back = pystac.Item.from_dict(d)   # a valid item: datetime null with a range
    assert back.datetime is None and back.common_metadata.end_datetime.year == 2024


def test_no_prefixed_field_without_its_extension(tmp_path):
    d = stac_item(to_cog(_emb(), tmp_path / "e.tif", overviews=False), year=2024).to_dict()
    prefixes = {k.split(":")[0] for k in d["properties"] if ":" in k}
    assert prefixes == {"proj"} and any("projection" in x for x in d["stac_extensions"])
    assert d["properties"]["embedding_dimensions"] == 64


def test_a_derived_map_is_described_as_what_it_is(tmp_path):
    e = _emb(time="2024-01-01T00:00:00", source="GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL",
             **{"embedding:model": "GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL"})
    sim = e.aef.similarity(e.isel(y=0, x=0).values)
    item = stac_item(map_to_cog(sim, tmp_path / "sim.tif"))
    p = item.properties
    assert not any(k.startswith("embedding") for k in p) and "embedding" not in item.assets
    assert p["derived_from"] == "GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL" and "similarity" in p["measure"]
    assert _times(item)[0].startswith("2024")


def test_a_map_in_memory_is_refused_naming_to_cog():
    with pytest.raises(AEFError, match="to_cog"):
        stac_item(_emb())
