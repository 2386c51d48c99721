"""Labels of another place in their own CRS (a GeoDataFrame in UTM 33N given to a map in 31N) were told "they lie
elsewhere than this map, which spans x -184078..-182924, y 5653262..5654416 in EPSG:32633": the map in the labels'
foreign zone, a negative easting. Both extents are now said in lon/lat, as `--labels samples`' refusal says them."""
import pytest
from pyproj import Transformer

from alphaearth_nb import analysis
from alphaearth_nb.core import LabelError
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
UTM = embedding_from_array(random_unit((4, 5), seed=2), coords=grid_coords(4, 5, 500_000., 5_000_000.), crs="EPSG:32631")


def test_labels_elsewhere_in_their_own_crs_give_both_lonlat_boxes():
    g = gpd.GeoDataFrame({"label": [0, 1]}, geometry=gpd.points_from_xy([20.0, 20.01], [50.0, 50.01]),
                         crs="EPSG:4326").to_crs("EPSG:32633")
    with pytest.raises(LabelError) as e:
        analysis.classify(UTM, g)
    msg = str(e.value)
    w, s, east, n = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform_bounds(
        500_000, 4_999_960, 500_050, 5_000_000, densify_pts=21)
    assert f"spans lon {w:.6f}..{east:.6f}, lat {s:.6f}..{n:.6f} in EPSG:4326" in msg, msg
    assert "they span lon 20.000000..20.010000, lat 50.000000..50.010000" in msg, msg
