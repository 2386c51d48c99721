"""classify's missing-label-column error lists the columns the user gave, not the `geometry` column the reader made
from their lon/lat. Was: "the labels have no `label` column (have ['lon', 'lat', 'class', 'geometry'])"."""
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_the_columns_given_are_listed():
    emb = embedding_from_array(random_unit((6, 5)))
    from pyproj import Transformer
    lon, lat = Transformer.from_crs(emb.attrs["crs"], "EPSG:4326", always_xy=True).transform(
        [float(emb.x[1]), float(emb.x[2])], [float(emb.y[2]), float(emb.y[3])])
    table = pd.DataFrame({"lon": lon, "lat": lat, "crop": ["a", "b"]})
    with pytest.raises(aef.core.LabelError) as e:
        emb.aef.classify(table, k=1)
    assert "have ['lon', 'lat', 'crop']" in str(e.value) and "column='crop'" in str(e.value), e.value
