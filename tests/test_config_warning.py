"""An `AEF_*` environment setting that is not one (`AEF_CPU_THREADS=abc`), ignored at `import alphaearth_nb`, is a
`core.ConfigWarning` (a configuration problem, beside `ConfigError`), not a `PerformanceWarning`: a user who silences
the slow-but-working kind (`warnings.simplefilter('ignore', aef.core.PerformanceWarning)`, for the import-order
note) still hears that a setting was ignored. Was: a PerformanceWarning (session 37)."""
import json
import os
import subprocess
import sys

from alphaearth_nb import core

# import the package in a fresh process (the setting is read at import), recording the warnings it gives
PROBE = ("import json, warnings\n"
         "with warnings.catch_warnings(record=True) as seen:\n"
         "    warnings.simplefilter('always')\n"
         "    warnings.simplefilter('ignore', ImportWarning)\n"
         "    import alphaearth_nb as aef\n"
         "print(json.dumps([[type(w.message).__module__, type(w.message).__name__, str(w.message),\n"
         "                   issubclass(w.category, aef.core.PerformanceWarning)] for w in seen]))")


def test_config_warning_is_ours_beside_config_error():
    assert issubclass(core.ConfigWarning, core.AEFWarning) and "ConfigWarning" in core.__all__
    assert not issubclass(core.ConfigWarning, core.PerformanceWarning)


def test_a_junk_setting_ignored_at_import_is_a_config_warning():
    env = {**os.environ, "AEF_CPU_THREADS": "abc"}
    r = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stderr[-1000:]
    said = [w for w in json.loads(r.stdout.strip().splitlines()[-1]) if "AEF_CPU_THREADS='abc'" in w[2]]
    assert len(said) == 1, r.stdout[-1000:]
    module, kind, text, slow = said[0]
    assert (module, kind, slow) == ("alphaearth_nb.core", "ConfigWarning", False)
    assert text.endswith("Ignored: the default is used.")
