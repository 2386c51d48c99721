"""Every vector file of places the package reads elsewhere (aef evaluate --labels, places' own-CRS files: .kml, .kmz,
.gml, .geoparquet) names geopandas' reader where vectors are wanted, as .geojson/.gpkg/.shp/.fgb do
(loaders.places_reader). Was: `np.load(path)`, `aef.labels.read_table(path)` or `pd.read_parquet(path)` for those
four, none of which reads places (session 34's review of 3bcf79f)."""
import pytest

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import DTypeError
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 4), seed=1))


@pytest.mark.parametrize("path,reader", [("fields.kml", "gpd.read_file(path)"), ("fields.KMZ", "gpd.read_file(path)"),
                                         ("fields.gml", "gpd.read_file(path)"),
                                         ("fields.geoparquet", "gpd.read_parquet(path)")])
def test_each_vector_file_names_geopandas(path, reader):
    with pytest.raises(DTypeError) as e:
        similarity(E, path)
    msg = str(e.value)
    assert f"load it first, e.g. `{reader}` (a vector file of places" in msg and "np.load" not in msg, msg
