"""`aef.maps.explore` (leafmap) and `.aef.explore` (the live map) share a name: without leafmap the error said
'explore() needs ... leafmap' though `.aef.explore()` works without it (newcomer s56 #13): it names which and the other."""
import importlib.util

import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import MissingDependencyError
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_the_leafmap_explore_names_itself_and_the_live_map(monkeypatch):
    find = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "leafmap" else find(name, *a))
    e = embedding_from_array(random_unit((4, 4), seed=1))
    with pytest.raises(MissingDependencyError, match=r"aef\.maps\.explore\(\).*emb\.aef\.explore\(\)"):
        aef.maps.explore(e)
