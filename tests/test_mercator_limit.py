"A live (Web Mercator) map ends at +-85.0511 deg: a map beyond it is refused, one across it warned, both naming the fix."
import importlib.machinery
import importlib.util
import sys
import types
import warnings

import pytest

from alphaearth_nb.core import GridError, GridWarning
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

LIVE = importlib.util.find_spec("ipyleaflet") is not None


def polar(ny=6, nx=6):
    "A 60 km map round the North Pole in NSIDC's polar stereographic CRS (EPSG:3413): latitudes 89.6 .. 90."
    return embedding_from_array(random_unit((ny, nx), seed=7), coords=grid_coords(ny, nx, x0=-30_000., y0=30_000.,
                                                                                  res=10_000.), crs="EPSG:3413")


def across():
    "A lon/lat map from 84.97 to 85.13 deg N: its northern rows lie beyond Web Mercator's 85.0511 deg."
    return embedding_from_array(random_unit((8, 6), seed=8), coords=grid_coords(8, 6, x0=10.0, y0=85.13, res=0.02),
                                crs="EPSG:4326")


@pytest.mark.skipif(not LIVE, reason="needs the maps extra (ipyleaflet)")
def test_the_explorer_refuses_a_map_beyond_web_mercator_and_warns_one_across_it():
    "A map round the pole opened a live map showing nothing, without a word."
    from alphaearth_nb.explorer import Explorer
    with pytest.raises(GridError, match=r"85\.0511.*aef\.plot\(\)"):
        Explorer(polar(), basemaps=False)
    with pytest.warns(GridWarning, match=r"north of 85\.0511 deg \(to 85\.1[0-9]*\) is not shown.*aef\.plot\(\)"):
        Explorer(across(), basemaps=False)
    with warnings.catch_warnings():   # a map inside the limit: no word
        warnings.simplefilter("error")
        Explorer(embedding_from_array(random_unit((5, 5))), basemaps=False)


def test_maps_explore_refuses_a_map_beyond_web_mercator(monkeypatch):
    "maps.explore (leafmap) drew a polar map's picture where no web map shows it."
    pytest.importorskip("rioxarray")
    from alphaearth_nb.maps import explore
    class Map:
        def __init__(self, **kw): self.layers = []
        def add_raster(self, source, layer_name=None): self.layers.append(source)
    fake = types.ModuleType("leafmap"); fake.__spec__ = importlib.machinery.ModuleSpec("leafmap", None); fake.Map = Map
    monkeypatch.setitem(sys.modules, "leafmap", fake)
    with pytest.raises(GridError, match=r"wholly north of 85\.0511"):
        explore(polar())
    with pytest.warns(GridWarning, match=r"north of 85\.0511"):
        m = explore(across())
    assert len(m.layers) == 1
