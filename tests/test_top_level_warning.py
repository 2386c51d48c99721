"""`aef.AEFWarning` is at the top level beside `aef.AEFError`: a user writes `warnings.simplefilter('ignore',
aef.AEFWarning)`, as the README says. Was: `aef.AEFWarning` was an AttributeError ('AEFWarning is
aef.core.AEFWarning'), so the README's filter had to go one dot further (session 37)."""
import subprocess
import sys
import warnings
from pathlib import Path

import alphaearth_nb as aef
from alphaearth_nb import core

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_warning_base_is_one_dot_away_as_the_error_base_is():
    assert aef.AEFWarning is core.AEFWarning and aef.AEFError is core.AEFError
    assert "AEFWarning" in aef._all_ and "AEFWarning" in dir(aef)
    assert aef.NAMES["AEFWarning"] == "core"


def test_import_star_gives_it():
    "`from alphaearth_nb import *` gives what `_all_` names (the exported `__all__`), in a fresh process."
    star = "from alphaearth_nb import *; print(AEFWarning.__module__, AEFWarning.__name__)"
    out = subprocess.run([sys.executable, "-c", star], capture_output=True, text=True)
    assert out.stdout.split() == ["alphaearth_nb.core", "AEFWarning"], out.stderr[-2000:]


def test_the_readmes_filter_silences_ours_and_leaves_others():
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        warnings.simplefilter("ignore", aef.AEFWarning)   # the README's line
        warnings.warn("ours", core.NoDataWarning)
        warnings.warn("theirs", UserWarning)
    assert [str(w.message) for w in seen] == ["theirs"]


def test_the_readme_names_the_top_level_filter():
    text = " ".join(README.read_text().split())
    assert "warnings.simplefilter('ignore', aef.AEFWarning)" in text
    assert "`AEFError`, `AEFWarning` and `ExtrapolationWarning`" in text
