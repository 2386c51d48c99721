"""A mistyped path ('labls.geojson' beside 'labels.geojson') was refused 'no file at labls.geojson: check the path'
(and `aef evaluate --labels labls.geojson`: 'does not exist') with no word of the file meant. Every 'no file' message
now names the closest entry of the same folder (loaders.near_match), and names none where nothing is close."""
import subprocess, sys, os
from pathlib import Path

import pytest

import alphaearth_nb

from alphaearth_nb.core import AEFError
from alphaearth_nb.vector_layers import no_places_file
from alphaearth_nb.tables import read_table

ROOT = Path(alphaearth_nb.__file__).resolve().parents[1]   # the package under test


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "labels.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    (tmp_path / "points.csv").write_text("lon,lat,class\n2.3,48.8,1\n")
    return tmp_path


def test_places_name_the_near_file(folder):
    said = no_places_file(str(folder / "labls.geojson"))
    assert "no file at" in said and f"did you mean {folder / 'labels.geojson'}?" in said


def test_relative_path_named_as_written(folder, monkeypatch):
    monkeypatch.chdir(folder)
    assert "(did you mean labels.geojson?)" in no_places_file("labls.geojson")


def test_nothing_close_names_nothing(folder):
    assert "did you mean" not in no_places_file(str(folder / "zzzz.tif"))


def test_table_names_the_near_file(folder):
    with pytest.raises(AEFError, match=r"did you mean .*points\.csv\?"):
        read_table(folder / "pints.csv")


def test_cli_labels_name_the_near_file(folder):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "alphaearth_nb.cli", "evaluate", "--embeddings", str(folder),
                        "--labels", "labls.geojson"], cwd=folder, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "labls.geojson does not exist (did you mean labels.geojson?)" in r.stderr, r.stderr
