"""`warn_lock.unsaid` walked every module of `sys.modules` once for each warning caught (2,000 modules with jax: 29 ms for
five warnings, a point query's form pass), asking each by `getattr`, which runs a module's `__getattr__` hook where it
has no registry (jax's deprecation hooks: a walk 12 ms where its `__dict__` takes 2.6). It finds the registries once a
call now, in each module's `__dict__`: a warning given again after it is shown again, and no module's hook runs."""
import sys
import types
import warnings

from alphaearth_nb.warn_lock import ThisThreadsWarnings, unsaid


def test_unsaid_warnings_are_shown_again_and_no_module_hook_runs(monkeypatch):
    asked = []
    def hook(name):
        asked.append(name)
        raise AttributeError(name)
    quiet = types.ModuleType("aef_test_hooked")   # no registry: `getattr` would ask its hook
    quiet.__getattr__ = hook
    monkeypatch.setitem(sys.modules, quiet.__name__, quiet)
    loud = types.ModuleType("aef_test_loud")
    monkeypatch.setitem(sys.modules, loud.__name__, loud)
    exec(compile("import warnings\ndef give(t): warnings.warn(t, UserWarning)\n", "aef_test_loud.py", "exec"), loud.__dict__)
    with warnings.catch_warnings():
        warnings.simplefilter("default")   # Python's registry: a text once a line
        with ThisThreadsWarnings() as caught:
            for t in ("one", "two"): loud.give(t)
        assert [str(w.message) for w in caught] == ["one", "two"]
        with ThisThreadsWarnings() as again: loud.give("two")
        assert again == []   # hidden so: what `unsaid` undoes
        unsaid(caught)
        with ThisThreadsWarnings() as after:
            for t in ("one", "two"): loud.give(t)
    assert [str(w.message) for w in after] == ["one", "two"]   # forgotten: shown again
    assert asked == [], asked   # each registry found in a module's __dict__, not through its hook

