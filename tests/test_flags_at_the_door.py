"""Every yes/no parameter of a public function is checked at the door (`core.checks_flags`): text such as 'false'
(true in Python: `legend="false"` drew a legend), 2 or 0.5 raises `ConfigError` naming the parameter, before any
work; 0/1 and numpy bools arrive as bools."""
import dataclasses
import importlib
import inspect
import pkgutil
import types
from pathlib import Path

import numpy as np
import pytest

import alphaearth_nb
from alphaearth_nb.accessor import forward
from alphaearth_nb.core import ConfigError, yes_no_params

FORWARDED = forward(lambda obj: obj).__code__   # accessor methods: `fn(self._obj, ...)`, checked by `fn`


def _public():
    "(module, qualified name, function, parameter) for each yes/no parameter of a public function or method."
    for m in sorted(pkgutil.iter_modules(alphaearth_nb.__path__), key=lambda m: m.name):
        if m.name.startswith("_"): continue
        mod = importlib.import_module(f"alphaearth_nb.{m.name}")
        src = Path(mod.__file__).resolve()
        fns = []
        for name in getattr(mod, "__all__", []):
            obj = getattr(mod, name, None)
            if inspect.isfunction(obj): fns.append((name, obj))
            elif inspect.isclass(obj) and not dataclasses.is_dataclass(obj):   # configs check in __post_init__
                fns += [(f"{name}.{k}", getattr(obj, k)) for k in vars(obj)
                        if inspect.isfunction(getattr(obj, k)) and (not k.startswith("_") or k == "__init__")]
        for qual, f in fns:
            if Path(inspect.unwrap(f).__code__.co_filename).resolve() != src: continue   # defined elsewhere
            for p in yes_no_params(inspect.unwrap(f)): yield pytest.param(f, p, id=f"{m.name}.{qual}.{p}")


CASES = list(_public())


def test_there_are_many():   # the scan finds them (was about 70)
    assert len(CASES) > 40


@pytest.mark.parametrize("fn,param", CASES)
def test_text_is_refused_by_name_before_any_work(fn, param):
    forwarded = fn.__code__ is FORWARDED
    assert forwarded or hasattr(fn, "__wrapped__"), f"{fn.__qualname__}: decorate it with core.checks_flags"
    head = (types.SimpleNamespace(_obj=None),) if forwarded else ()
    for bad in ("false", 2):
        with pytest.raises(ConfigError, match=f"{param}={bad!r} is not True or False"): fn(*head, **{param: bad})


def test_zero_one_and_numpy_bools_arrive_as_bools():
    from alphaearth_nb.maps import plot_classes
    seen = {}
    def draw(classes, legend:bool=True): seen.update(legend=legend)
    f = alphaearth_nb.core.checks_flags(draw)
    f(None, np.bool_(False)); assert seen["legend"] is False
    f(None, legend=1); assert seen["legend"] is True
    assert "legend" in yes_no_params(inspect.unwrap(plot_classes))
