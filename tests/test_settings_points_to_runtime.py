"""help(aef.core) says where the AEF_* environment settings are: runtime, the module above core. Session 35 said it
in settings' docstring; since session 36 core holds the setting readers (settings merged back), so its help says it.
Was: core's docstring named settings, errors and runtime as parts below it that it re-exported."""
from alphaearth_nb import core, runtime


def test_core_docstring_says_what_it_holds_and_names_runtime():
    first = core.__doc__.split("\n\n")[0]
    assert "AEF_" in first and "`runtime`" in first, first
    assert "error family" in first and "re-export" not in first and "`errors`" not in first, first
    assert "AEF_" in runtime.__doc__ and "above core" in " ".join(runtime.__doc__.lower().split())   # where they are read
