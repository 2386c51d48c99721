"""The README's first snippet (the official embeddings on the offline local mirror) runs without a warning of ours.
Its area ran to 6.006 E, across 6 E where zone 31N meets 32N, so `official.open` warned GridWarning 'the tiles of
EPSG:32632 are warped onto this grid in EPSG:32631 ... For vectors at points use `official.sample_points(...)`'
on a newcomer's first run, while the snippet's next lines read vectors at points with `.aef.sample`."""
import re
import socket
import warnings
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_official_snippet_warns_nothing(shared_data, tmp_path, monkeypatch):
    import alphaearth_nb as aef
    snippet = next(b for b in re.findall(r"```python\n(.*?)```", README, re.S) if "aef.official.open(" in b)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AEF_SHARED_DATA", str(shared_data))
    try: aef.readers.read_aef_samples()
    except aef.AEFError: pytest.skip("no aef_samples data set")
    def refuse(*a, **k): raise OSError("the README's offline snippet reached for the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        exec(snippet, {})
    ours = [f"{w.category.__name__}: {str(w.message)[:120]}" for w in got if issubclass(w.category, aef.AEFWarning)]
    assert not ours, ours


def test_readme_says_an_area_across_zones_warns():
    "What the snippet no longer shows is said: an area across a zone border is mosaicked and warned."
    text = README.split("## In Python", 1)[1].split("\n## ", 1)[0]
    assert "GridWarning" in text and "official.sample_points" in text
