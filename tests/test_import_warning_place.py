"""A warning given while `import alphaearth_nb` runs (runtime's ConfigWarning for a junk AEF_* setting) points at the
user's `import` line, not at importlib/__init__.py (the package's __init__ loads its modules by
importlib.import_module, whose frame is no user's: core._PASS_THROUGH)."""
import os, subprocess, sys, textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def test_a_warning_at_import_points_at_the_users_import_line(tmp_path):
    script = tmp_path / "user_script.py"
    script.write_text(textwrap.dedent("""\
        import warnings
        warnings.simplefilter("always")
        import alphaearth_nb
        """))
    env = {**os.environ, "AEF_UNROLL_CAP": "abc", "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    line = next(l for l in r.stderr.splitlines() if "AEF_UNROLL_CAP='abc'" in l)
    assert line.startswith(f"{script}:3: ConfigWarning:"), line   # the user's `import alphaearth_nb`, line 3
    assert "importlib" not in line
