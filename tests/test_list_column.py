"Tables holding their vectors in one list column (GeoParquet from other tools: `embedding` = 64 numbers a row)."

import numpy as np
import pandas as pd

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import band_names
from alphaearth_nb.gate import query_array
from alphaearth_nb.index import exact_search
from alphaearth_nb.knn import knn_search
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_list_column_is_the_vectors_it_holds(tmp_path):
    v = random_unit((12,), 0).astype(np.float32)
    lon, lat = np.linspace(5.0, 6.0, 12), np.linspace(45.0, 44.0, 12)
    df = pd.DataFrame({"lon": lon, "lat": lat, "embedding": list(v)})
    df.to_parquet(tmp_path / "t.parquet")
    df = pd.read_parquet(tmp_path / "t.parquet")                       # cells come back as numpy arrays
    wide = pd.concat([df[["lon", "lat"]], pd.DataFrame(v, columns=band_names())], axis=1)
    np.testing.assert_array_equal(query_array(df), v)
    np.testing.assert_array_equal(query_array(df.iloc[3]), v[3])
    e = embedding_from_array(random_unit((4, 5), 1).astype(np.float32), crs="EPSG:4326",
                             coords={"y": np.linspace(45, 44, 4), "x": np.linspace(5, 6, 5)})
    # the row's vector, not the map at its lon/lat (as a row of A00..A63 beside lon/lat is read)
    np.testing.assert_allclose(similarity(e, df.iloc[3]).values, similarity(e, v[3]).values, atol=1e-6)
    for got, want in zip(knn_search(df, df.iloc[:4], k=2), knn_search(wide, wide.iloc[:4], k=2)):
        np.testing.assert_array_equal(got, want)
    for got, want in zip(exact_search(df, df.iloc[:3], k=2), exact_search(wide, wide.iloc[:3], k=2)):
        np.testing.assert_array_equal(got, want)
