"""help(aef.settings) says where the AEF_* environment settings are: runtime. Was: no word of them, though a user
looking for AEF_* settings opens settings first."""
from alphaearth_nb import runtime, settings


def test_settings_docstring_names_runtime():
    first = settings.__doc__.split("\n\n")[0]
    assert "AEF_" in first and "`runtime`" in first, first
    assert "AEF_" in runtime.__doc__   # where they are read
