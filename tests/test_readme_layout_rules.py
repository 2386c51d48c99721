"""README's Development section names where error classes may live as tools/layout_check.py checks it (FAMILY_HOMES:
`core`, where DESIGN.md puts every one; session 35's `errors` module was merged back into core in session 36)."""
import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_names_every_home_of_the_error_family():
    spec = importlib.util.spec_from_file_location("layout_check", ROOT / "tools" / "layout_check.py")
    lc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lc)
    text = " ".join((ROOT / "README.md").read_text().split())
    rule = re.search(r"every error class in ([^)]*)\)", text)
    assert rule, "README no longer states the error-class rule"
    named = set(re.findall(r"`(\w+)`", rule.group(1)))
    assert named == set(lc.FAMILY_HOMES), (rule.group(0), lc.FAMILY_HOMES)
