"A site table of one's own (stream.create_site_corpus, sites.site_table): what it lacks is named, nothing is made."
import json

import pandas as pd
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb import sites, stream
from alphaearth_nb.core import LabelError, UnknownSourceError


@pytest.fixture(scope="module")
def table():
    return sites.sample_sites(sites.box_strata(2), (2019, 2021), cap=2, size=16, seed=0)


def own(table, **rename):   # the table a user writes by hand: a plain DataFrame, columns spelt their own way
    return pd.DataFrame(table.drop(columns="geometry")).rename(columns=rename)


def test_a_missing_size_is_named_with_its_meaning_and_nothing_is_made(table, tmp_path):  # was KeyError: 'size'
    with pytest.raises(LabelError, match=r"lacks the column 'size': L, the pixels a side .*site_grid"):
        stream.create_site_corpus(tmp_path / "c", own(table).drop(columns="size"), ("sentinel2",))
    assert not (tmp_path / "c").exists()


def test_a_column_spelt_another_way_is_offered_with_its_rename(table, tmp_path):
    with pytest.raises(LabelError) as e:
        stream.create_site_corpus(tmp_path / "c", own(table, size="patch_size", grid_crs="crs"), ("sentinel2",))
    msg = str(e.value)
    assert "lacks the columns 'grid_crs'" in msg and "'size'" in msg
    assert "table.rename(columns={'crs': 'grid_crs', 'patch_size': 'size'})" in msg


def test_a_plain_dataframe_makes_a_corpus_that_reads_back(table, tmp_path):  # was: written without geometry, unreadable
    path = stream.create_site_corpus(tmp_path / "c", own(table), "sentinel2")   # one name, not its letters
    assert json.loads((path / stream.CORPUS_FILE).read_text())["sources"] == ["sentinel2"]
    back = stream.SiteCorpus(path)
    assert list(back.sites.site) == list(table.site) and back.sites.crs.to_epsg() == 4326
    assert list(back.sites.geometry.x) == pytest.approx(list(table.lon))


def test_an_unknown_source_is_named_before_anything_is_made(table, tmp_path):
    with pytest.raises(UnknownSourceError, match="did you mean 'sentinel2'"):
        stream.create_site_corpus(tmp_path / "c", table, ("sentinel-2",))
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize("edit, words", [
    (lambda t: t.iloc[:0], "holds no site"),                          # was IndexError
    (lambda t: t.assign(site="s1"), "repeats site ids ('s1', at rows 0, 1, 2, 3)"),   # was: one group for 4 sites
    (lambda t: t.assign(size=0.5), "column 'size' of the site table (L, the pixels a side"),
    (lambda t: t.assign(res=-10.0), "column 'res' of the site table (the metres a pixel"),
])
def test_a_table_no_corpus_can_come_from_is_named(table, tmp_path, edit, words):
    with pytest.raises(LabelError, match=words.replace("(", r"\(").replace(")", r"\)")):
        stream.create_site_corpus(tmp_path / "c", edit(table), ("sentinel2",))
    assert not (tmp_path / "c").exists()


def test_read_sites_names_what_a_file_lacks(table, tmp_path):
    p = tmp_path / "s.parquet"   # written by hand or an older version: write_sites refuses such a table itself
    table.drop(columns="split").to_parquet(p)
    with pytest.raises(LabelError, match=r"s.parquet lacks the column 'split': 'train' or 'test'"):
        sites.read_sites(p)
