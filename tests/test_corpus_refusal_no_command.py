"""`aef train --corpus` of a folder that is no corpus: the fix names the Python that writes one and says no aef
command does (was: `corpus.write_corpus(path)` / `export.export_sites(path, sites)` alone, a shell user left to
look for the command that writes it)."""
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import MissingDataError
from alphaearth_nb.corpus import Corpus


def test_cli_says_no_command_writes_a_corpus(tmp_path, capsys):
    (tmp_path / "run").mkdir()
    code = main(["train", "--preset", "tiny", "--corpus", str(tmp_path / "run"), "--steps", "1",
                 "--out", str(tmp_path / "new")])
    err = capsys.readouterr().err
    assert code == 2 and "no aef command writes a corpus" in err and "write_corpus" in err, err
    assert "aef train --data" in err, err

def test_python_says_so_too(tmp_path):
    with pytest.raises(MissingDataError, match="export_sites.*no aef command writes a corpus"):
        Corpus(tmp_path)
