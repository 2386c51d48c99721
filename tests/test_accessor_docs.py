"""help() of an accessor method reads as help() of its function (finding N19-8's Parameters sections included): the
accessor copied each function's docstring when its class was made, before `import alphaearth_nb` added the sections.
Its section leaves out the object the accessor passes itself (session 27: tests/test_accessor_param_docs.py)."""
import inspect
import pydoc

import numpy as np
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.accessor import EmbeddingAccessor, StackAccessor
from alphaearth_nb.core import PARAMETERS, documented
from alphaearth_nb.testing import embedding_from_array, random_unit

HOME = {"similarity": aef.analysis, "classify": aef.analysis, "regress": aef.analysis,
        "sample": aef.cubes, "aggregate": aef.cubes, "to_cog": aef.exports, "map_to_cog": aef.exports}


def _help(obj) -> str: return pydoc.render_doc(obj, renderer=pydoc.plaintext)


def test_accessor_methods_carry_their_functions_whole_docstring():
    e = embedding_from_array(random_unit((2, 3)))
    stack = xr.Dataset({"B2": (("time", "y", "x"), np.ones((1, 2, 2)))})
    pairs = [(stack.aef.embed, aef.embed.embed), (StackAccessor.embed, aef.embed.embed)]
    pairs += [(getattr(e.aef, n), getattr(m, n)) for n, m in HOME.items()]
    pairs += [(getattr(EmbeddingAccessor, n), getattr(m, n)) for n, m in HOME.items()]
    for m, fn in pairs:
        assert "\nParameters\n----------\n" in fn.__doc__, fn.__name__
        first = next(iter(inspect.signature(fn).parameters))               # the object: the accessor passes it
        assert m.__doc__ == documented(fn, passed=(first,)), fn.__name__   # was the docstring less its Parameters
        assert m.__doc__.partition(PARAMETERS)[0] == fn.__doc__.partition(PARAMETERS)[0], fn.__name__
        text = _help(m)
        assert "Parameters" in text and fn.__doc__.splitlines()[-1].strip() in text, fn.__name__
    x, y = float(e.x[1]), float(e.y[0])
    np.testing.assert_array_equal(e.aef.similarity((x, y)).values, aef.analysis.similarity(e, (x, y)).values)


def test_the_stack_validate_dispatcher_carries_both_functions_whole_docstrings():
    "`.aef.validate` on a Dataset is validate_stack, or validate_embedding when it holds one: help() shows both whole."
    stack = xr.Dataset({"B2": (("time", "y", "x"), np.ones((1, 2, 2)))})
    for m in (stack.aef.validate, StackAccessor.validate, xr.DataTree(stack).aef.validate):
        text = _help(m)
        for fn in (aef.stacks.validate_stack, aef.embeddings.validate_embedding):
            first = next(iter(inspect.signature(fn).parameters))
            assert "\nParameters\n----------\n" in fn.__doc__ and documented(fn, passed=(first,)) in m.__doc__, fn.__name__
            assert fn.__doc__.splitlines()[-1].strip() in text, fn.__name__


def test_a_lookup_writes_nothing(monkeypatch):
    "An accessor method's docstring is set once, when it is made (session 21's review: each `e.aef.x` lookup wrote it)."
    e = embedding_from_array(random_unit((2, 3)))
    before = e.aef.similarity.__doc__
    assert "\nParameters\n----------\n" in before and "Parameters" in _help(e.aef.similarity)
    monkeypatch.setattr(aef.analysis.similarity, "__doc__", "changed")   # a lookup copying the function's would show it
    assert e.aef.similarity.__doc__ == before and EmbeddingAccessor.similarity.__doc__ == before
    assert StackAccessor.__dict__["embed"].__doc__ == documented(aef.embed.embed, passed=("stack",))   # nothing runs on lookup
