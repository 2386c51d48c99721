"""A list (tuple, Series) of WKT/EWKT texts is named as what it is in its messages: 'the list of WKT texts says 2
SRIDs', 'text 1 of the list of WKT texts is no WKT geometry', 'the list of WKT texts says no CRS' (polygons), with
fixes that take no table (no `df[...]`); a table's geometry column keeps its words.
Was (s42 hunt): 'the table's 'geometry' column says 2 SRIDs (EPSG:32631, EPSG:4326) ... or read the rows of each CRS
apart', 'row 1 of the table's 'geometry' column is no WKT geometry ('POINT (1)'): correct it, or pass a GeoDataFrame
..., `gpd.GeoDataFrame(df, geometry=gpd.GeoSeries.from_wkt(df['geometry']), ...)`', polygons 'the GeoDataFrame has no
CRS: set ... `gdf.set_crs('EPSG:4326')`', and EMPTY texts 'drop them first, `df = df[gpd.GeoSeries.from_wkt(...`', for
a list the user passed."""
import warnings

import pandas as pd
import pytest

from alphaearth_nb.core import GridError, LabelError, NoDataWarning
from alphaearth_nb.places import read_geometries, read_places, sample

pytest.importorskip("geopandas")


def _p(e, i):
    return f"POINT ({e.x.values[i]} {e.y.values[i]})"


def test_two_srids_name_the_list(utm_emb):
    e = utm_emb(0)
    q = [_p(e, 1), f"SRID=32631;{_p(e, 2)}", "SRID=4326;POINT (3 45)"]
    for call, what in ((lambda: read_geometries(q), "list"), (lambda: sample(e, q), "list"),
                       (lambda: read_places(tuple(q), obj=e), "tuple"), (lambda: read_geometries(pd.Series(q)), "Series")):
        with pytest.raises(GridError) as err: call()
        msg = str(err.value)
        assert msg.startswith(f"the {what} of WKT texts says 2 SRIDs (EPSG:32631, EPSG:4326): "), msg
        assert "table" not in msg and "texts of each CRS apart" in msg, msg
    some = [_p(e, 1), f"SRID=32631;{_p(e, 2)}", f"SRID=32631;{_p(e, 3)}"]
    with pytest.raises(GridError, match=r"^the Series of WKT texts says EPSG:32631 by the SRID of 2 of its 3 shapes and "
                                        r"no SRID on text 'a':"):
        read_geometries(pd.Series(some, index=["a", "b", "c"]))
    with pytest.raises(GridError, match=r"^the table's 'geometry' column says 2 SRIDs"):   # a table: as before
        read_geometries(pd.DataFrame({"geometry": q}))


def test_a_bad_text_names_its_place_in_the_list(utm_emb):
    e = utm_emb(0)
    with pytest.raises(LabelError) as err: sample(e, [_p(e, 1), "POINT (1)"])
    assert str(err.value) == "text 1 of the list of WKT texts is no WKT geometry ('POINT (1)'): correct it"


def test_polygons_without_a_crs_name_the_list_and_crs():
    polys = ["POLYGON ((500000 4999000, 500100 4999000, 500100 4999100, 500000 4999000))"] * 2
    with pytest.raises(GridError) as err: read_geometries(polys)
    msg = str(err.value)
    assert msg.startswith("the list of WKT texts says no CRS (its shapes say none): ") and "crs='EPSG:32631'" in msg
    assert "GeoDataFrame" not in msg and "set_crs" not in msg, msg
    g = read_geometries(polys, crs="EPSG:32631")
    assert g.crs.to_epsg() == 32631 and len(g) == 2 and not g.attrs   # read: its making not carried on


def test_empty_texts_are_left_out_in_the_lists_words(utm_emb):
    e = utm_emb(0)
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        t = sample(e, [_p(e, 1), "POINT EMPTY"])
    msg = [str(w.message) for w in said if issubclass(w.category, NoDataWarning)]
    assert len(msg) == 1 and msg[0].startswith("1 of 2 texts of the list of WKT texts have no coordinates"), msg
    assert msg[0].endswith("`texts = [t for t in texts if 'EMPTY' not in t.upper()]`") and "df" not in msg[0], msg
    assert len(t) == 2
