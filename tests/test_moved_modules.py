"""The modules merged into core in session 36 (e67a89f: errors, settings) answer an import with `core.MovedError`
naming core and the import to write. Was: `import alphaearth_nb.errors` a bare ModuleNotFoundError "No module named
'alphaearth_nb.errors'", naming no place."""
import importlib

import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import AEFError, MovedError


@pytest.mark.parametrize("gone, name", [("errors", "ConfigError"), ("settings", "whole")])
def test_an_import_of_a_merged_module_names_core(gone, name):
    said = rf"alphaearth_nb\.{gone} was merged into alphaearth_nb\.core.*`from alphaearth_nb\.core import {name}`"
    with pytest.raises(MovedError, match=said) as e:
        importlib.import_module(f"alphaearth_nb.{gone}")
    assert isinstance(e.value, ImportError) and isinstance(e.value, AEFError)
    with pytest.raises(MovedError, match=said): exec(f"from alphaearth_nb.{gone} import {name}", {})
    with pytest.raises(MovedError, match=said): exec(f"from alphaearth_nb import {gone}", {})
    with pytest.raises(MovedError, match=said): getattr(aef, gone)
    exec(f"from alphaearth_nb.core import {name}", {})   # the import it names works


def test_other_missing_modules_are_as_before():
    with pytest.raises(ModuleNotFoundError) as e: importlib.import_module("alphaearth_nb.nothing_here")
    assert not isinstance(e.value, MovedError)
    assert not hasattr(aef, "nothing_here")
