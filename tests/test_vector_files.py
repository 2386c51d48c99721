"""One list of vector-file suffixes (loaders.VECTOR_FILES): places' files that say their own CRS (own_label_word) and
`aef evaluate --labels`' vector files (cli_args.LABEL_VECTORS) read it. Was three lists that disagreed: places' lacked
.kmz (a KMZ said no CRS of its own), loaders' lacked .json (GeoJSON's other suffix: np.load named for it), cli_args'
lacked .gml (--labels fields.gml not read as a vector file of labels)."""
import pytest

from alphaearth_nb import cli_args, loaders
from alphaearth_nb.places import own_label_word


def test_lists_are_one():
    assert set(loaders.VECTOR_FILES) <= set(cli_args.LABEL_VECTORS)
    assert {".geojson", ".json", ".gpkg", ".shp", ".fgb", ".kml", ".kmz", ".gml", ".gpx", ".gdb"} == set(loaders.VECTOR_FILES)


@pytest.mark.parametrize("path", ["fields.kmz", "fields.KML", "fields.gml", "fields.json", "fields.geojson"])
def test_each_vector_file_says_its_own_crs(path):
    assert own_label_word(path) == "the file"


def test_a_csv_says_no_crs():
    assert own_label_word("points.csv") is None


def test_json_names_geopandas():
    assert loaders.places_reader("fields.json") == "gpd.read_file(path)"


def test_gml_is_a_label_file_of_evaluate():
    assert cli_args._fits("--labels", "fields.gml")
