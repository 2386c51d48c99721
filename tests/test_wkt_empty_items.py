"""EMPTY WKT texts in a list (tuple, Series) of points are warned as what was given: their positions in the list
(a Series: its labels), 'EMPTY points', and the line that leaves them out, which runs; all of them EMPTY a
`LabelError` asking for points with coordinates. A similarity query's table cell and a list of texts are WKT by
the one rule (`geometry_columns.is_wkt`, OGC's 7 types): 'Field (north)' is a name, 'POINT EMPTY' WKT.
Was (queue s43 'layers', review43 on 505342f9): '1 of 3 WKT texts have no coordinates (NaN or empty
geometry.x/geometry.y; row 1) ... Fill them, or drop them first, leave the EMPTY texts out'; all EMPTY 'fill
['geometry.x', 'geometry.y'] (the right table? ...)'; queries' own rule (any 'Word (' text) read
{'name': ['Field (north)'], 'value': [3.0]} as a place ('the table has no lon/lat or x/y columns')."""

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError, NoDataWarning
from alphaearth_nb.places import sample
from alphaearth_nb.queries import place_row, several_query
from alphaearth_nb.testing import warned

pytest.importorskip("geopandas")


def test_empty_items_named_by_position(utm_emb):
    e = utm_emb(0)
    pt = f"POINT ({float(e.x[3])} {float(e.y[4])})"
    texts = [pt, "POINT EMPTY", pt, "POINT EMPTY"]
    got, msg = warned(sample, e, texts, category=NoDataWarning)
    assert len(msg) == 1 and msg[0].startswith("2 of 4 texts of the list of WKT texts have no coordinates "
                                               "(EMPTY points, 'POINT EMPTY'; positions 1, 3)"), msg
    assert "row" not in msg[0] and "geometry.x" not in msg[0], msg
    assert got["inside"].tolist() == [True, False, True, False] and np.isnan(got["A00"].iloc[1])
    line = msg[0].split("`")[-2]   # the line it names, run on the list
    scope = {"texts": list(texts)}
    exec(line, scope)
    kept, msg = warned(sample, e, scope["texts"], category=NoDataWarning)
    assert not msg and len(kept) == 2, msg
    s = pd.Series(texts, index=list("abcd"))
    _, msg = warned(sample, e, s, category=NoDataWarning)
    assert "texts of the Series of WKT texts" in msg[0] and "rows 'b', 'd'" in msg[0], msg
    scope = {"s": s}
    exec(msg[0].split("`")[-2], scope)
    assert list(scope["s"].index) == ["a", "c"]
    with pytest.raises(LabelError, match=r"all 2 texts of the tuple of WKT texts have no coordinates \(EMPTY points.*"
                                         r"pass points with coordinates"):
        sample(e, ("POINT EMPTY", "POINT EMPTY"))


def test_queries_read_wkt_by_the_one_rule():
    assert place_row(pd.DataFrame({"name": ["Field (north)"], "value": [3.0]})) is None
    assert place_row(pd.DataFrame({"name": ["a"], "geometry": ["POINT (5 44)"]})) is not None
    assert several_query(["Field (a)", "Field (b)"]) is None
    assert "(WKT texts)" in several_query(["POINT (1 2)", "POINT EMPTY"])
