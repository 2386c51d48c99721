"""A public name moved out of a module in the last sessions raises `core.MovedError` where it was, naming its new
place, instead of Python's bare `AttributeError: module has no attribute` (review38 finding 3): `quality.
plot_change_events` (maps since session 38) and core's process settings (runtime's since session 36). `from <old>
import <name>` raises it too, with its words (an ImportError: Python turns an AttributeError there into 'cannot
import name'). Any other missing name is still an AttributeError, so `getattr(mod, x, None)` works."""
import importlib

import pytest
from alphaearth_nb.core import AEFError, MovedError

# (old module, name, new module): every public name gone from a module's __all__ since 2026-12-04 (git log -p)
MOVED = [("quality", "plot_change_events", "maps")] + [("core", n, "runtime") for n in """FAST_COMPILE FAST_STEP
    UNROLL_CAP LLVM_OPTIONS HEAP_KEEP_BYTES KEPT_HEAP JEMALLOC_THREAD compile_cache compiler_options cpu_threads
    unroll_cap llvm_options jemalloc_threads keep_heap gc_frozen frozen_traces cpu_devices split_cpu
    cpu_devices_note""".split()]


@pytest.mark.parametrize("old,name,new", MOVED)
def test_a_moved_name_names_its_new_place(old, name, new):
    mod = importlib.import_module(f"alphaearth_nb.{old}")
    with pytest.raises(MovedError, match=rf"to alphaearth_nb\.{new}: use aef\.{new}\.{name} ") as e:
        getattr(mod, name)
    assert isinstance(e.value, AEFError) and f"from alphaearth_nb.{new} import {name}" in str(e.value)
    assert hasattr(importlib.import_module(f"alphaearth_nb.{new}"), name)   # it is where the error says


def test_from_import_of_a_moved_name_keeps_the_words():
    with pytest.raises(MovedError, match="aef.maps.plot_change_events"):
        exec("from alphaearth_nb.quality import plot_change_events", {})
    with pytest.raises(ImportError, match="runtime"):
        exec("from alphaearth_nb.core import FAST_STEP", {})


def test_other_missing_names_are_still_attribute_errors():
    import alphaearth_nb.core as core, alphaearth_nb.quality as quality
    assert getattr(quality, "plot_change_event", None) is None and not hasattr(core, "no_such_name")
    with pytest.raises(AttributeError, match="has no attribute 'FAST'"):
        core.FAST
