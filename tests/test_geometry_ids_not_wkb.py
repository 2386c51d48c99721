"""A table's id column of hex digests or raw bytes that only look like WKB (sha256 hex from '01', bytes from b'\\x01')
is no geometry column: classify says the table has no coordinates, as for any table without them (geometry_columns._wkb_head
reads the geometry type after the byte order). Was (95a2deeb): "row 0 of the table's 'field_id' column is no WKB
geometry ('01d54579...'): correct it". Hex WKB and EWKB (PostGIS' text, with an SRID) are still read as points."""
import hashlib

import numpy as np
import pandas as pd
import pytest
import shapely

from alphaearth_nb.core import LabelError
from alphaearth_nb.geometries import geometry_points
from alphaearth_nb.testing import embedding_from_array, random_unit

DIGESTS = [h for h in (hashlib.sha256(str(i).encode()).digest() for i in range(400)) if h[0] in (0, 1)][:4]


@pytest.mark.parametrize("ids", [[d.hex() for d in DIGESTS], DIGESTS])
def test_ids_that_look_like_wkb_are_no_geometry(ids):
    emb = embedding_from_array(random_unit((5, 6), seed=3))
    df = pd.DataFrame({"field_id": ids, "label": [1, 2, 1, 2]})
    assert geometry_points(df) is df
    with pytest.raises(LabelError, match=r"lacks columns \['x', 'y'\]") as e:
        emb.aef.classify(df)
    assert "WKB" not in str(e.value)


def test_hex_wkb_and_ewkb_are_still_points():
    pts = [shapely.Point(500005.0, 4999995.0), shapely.Point(500015.0, 4999985.0)]
    for cells in ([p.wkb_hex for p in pts], [shapely.to_wkb(shapely.set_srid(p, 32631), hex=True, include_srid=True)
                                             for p in pts], [p.wkb for p in pts]):
        out = geometry_points(pd.DataFrame({"geom": cells, "label": [1, 2]}))
        if hasattr(out, "crs"):   # EWKB: its SRID's CRS kept, a GeoDataFrame (tests/test_ewkt_read)
            assert out.crs == "EPSG:32631"
            out = out.assign(x=out.geometry.x, y=out.geometry.y)
        np.testing.assert_array_equal(out[["x", "y"]].to_numpy(), [[500005.0, 4999995.0], [500015.0, 4999985.0]])
