"""`aef train --preset Small` (a preset's name in another case, or with spaces: a copied word) trains that preset,
as --folds Paper and --sources Sentinel2's suggestion read a word by its letters. Was: argparse's "invalid choice:
'Small' (choose from 'tiny', 'small', 'lite')" (field case G: an EE-style enum in another case)."""
import pytest

from alphaearth_nb import train
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError


@pytest.mark.parametrize("word,name", [("Small", "small"), ("TINY", "tiny"), (" lite ", "lite")])
def test_a_preset_in_any_case_trains_it(word, name, tmp_path, capsys, monkeypatch):
    got = []
    def fit(net, *a, **k): got.append(net); raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    assert main(["train", "--preset", word, "--steps", "2", "--out", str(tmp_path / "r")]) == 2
    assert got == [name], capsys.readouterr().err


def test_a_name_that_is_no_preset_is_still_refused(tmp_path, capsys):
    assert main(["train", "--preset", "medium", "--out", str(tmp_path / "r")]) == 2
    assert "invalid choice: 'medium' (choose from 'tiny', 'small', 'lite')" in capsys.readouterr().err
