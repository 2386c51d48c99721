"""No module of the package joins statements with ';' any more: losses, nn and summary, the last three JOINED held
(session 42's step helper), are unjoined, and JOINED is empty, so a ';' in any of them is a layout finding. Was (on
0e3542ee): losses.py:217, nn.py:82,257, summary.py:189,380 each joined two statements, and JOINED let them."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _layout_check():
    spec = importlib.util.spec_from_file_location("layout_check_none_joined", ROOT / "tools" / "layout_check.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_no_module_is_allowed_a_join_and_none_has_one():
    lc = _layout_check()
    assert lc.JOINED == frozenset()
    assert {m: lc.joined((ROOT / "alphaearth_nb" / f"{m}.py").read_text()) for m in ("losses", "nn", "summary")} == \
        {"losses": [], "nn": [], "summary": []}
