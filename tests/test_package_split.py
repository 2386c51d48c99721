"""What the package does with its own modules and functions (a warning's user line, modules that can be called,
`help()`'s Parameters sections) lives in `package` (00, below core, importing nothing of the package but the generated
`_param_docs`), so core stays under the layout's module size (it was at 596 of 600 lines); core re-exports each public
name, the same object, so `from alphaearth_nb.core import user_stacklevel` works as before (session 45)."""
import types
import warnings

NAMES = ["user_stacklevel", "CallableModule", "callable_module", "PARAMETERS", "documented"]


def test_core_reexports_the_package_machinery(reexported):
    "Hand-worked: a module made callable runs its same-named function; a warning at user_stacklevel() points here."
    package, core = reexported("package", "core", NAMES)
    from alphaearth_nb.core import callable_module, user_stacklevel   # the old spelling
    import sys
    m = types.ModuleType("demo_pkg.triple")
    m.triple = lambda x: 3 * x
    sys.modules["demo_pkg.triple"] = m
    try:
        callable_module("demo_pkg.triple")
        assert isinstance(m, core.CallableModule) and m(14) == 42
    finally:
        del sys.modules["demo_pkg.triple"]
    pretend = {"__name__": "alphaearth_nb._pretend", "warnings": warnings, "user_stacklevel": user_stacklevel}
    exec(compile("def warn(): warnings.warn('here', stacklevel=user_stacklevel())", "alphaearth_nb/_pretend.py", "exec"),
         pretend)   # a function of a pretend package module, warning as the package's do
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        pretend["warn"]()
    assert [x.filename for x in w] == [__file__]


def test_the_moved_names_keep_their_parameters_in_help():
    "documented reads SECTIONS by the object's module: the moved functions' sections are under `package` now."
    import alphaearth_nb as aef
    from alphaearth_nb import package
    assert package.documented.__module__ == "alphaearth_nb.package"
    assert aef.core.PARAMETERS in aef.core.documented.__doc__ and "passed" in aef.core.documented.__doc__


def test_the_split_modules_keep_under_the_cap(split_module_check):
    "core 539 lines after the split (from 596): its cap 560 keeps room for the others' work, not for regrowth."
    split_module_check("package", 120)
    split_module_check("core", 560)
