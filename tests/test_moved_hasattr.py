"""`core.moved_names`: a moved name's `MovedError` is an ImportError, so `from X import n` keeps its words (CPython turns
an AttributeError there into 'cannot import name'), and, as its docstring says, `hasattr` and `getattr(m, n, None)`
of a moved name raise it (they catch AttributeError only); `n in dir(m)` asks without raising. Was: undocumented."""
import sys
import types

import pytest

import alphaearth_nb.core as core
from alphaearth_nb.core import MovedError, moved_names


def test_the_docstring_says_what_hasattr_does():
    doc = " ".join(moved_names.__doc__.split())
    assert "hasattr(module, name)" in doc and "getattr(module, name, None)" in doc and "cannot import name" in doc, doc
    assert "name in dir(module)" in doc, doc


def test_hasattr_and_getattr_raise_it_as_documented():
    with pytest.raises(MovedError, match="moved from alphaearth_nb.core to alphaearth_nb.runtime"):
        hasattr(core, "FAST_COMPILE")
    with pytest.raises(MovedError):
        getattr(core, "FAST_COMPILE", None)
    assert "FAST_COMPILE" not in dir(core) and not hasattr(core, "no_such_name")   # other names: AttributeError, False


def test_from_import_keeps_its_words_where_an_attribute_error_would_not(monkeypatch):
    with pytest.raises(MovedError, match=r"from alphaearth_nb.runtime import FAST_COMPILE"):
        exec("from alphaearth_nb.core import FAST_COMPILE")
    m = types.ModuleType("aef_moved_probe")   # the reason: an AttributeError's words are lost under `from m import n`
    def __getattr__(name): raise AttributeError(f"{name} moved to elsewhere")
    m.__getattr__ = __getattr__
    monkeypatch.setitem(sys.modules, "aef_moved_probe", m)
    with pytest.raises(ImportError) as e:
        exec("from aef_moved_probe import thing")
    assert "cannot import name" in str(e.value) and "elsewhere" not in str(e.value), str(e.value)
