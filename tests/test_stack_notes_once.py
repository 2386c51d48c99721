"""One note of where to apply a stack's fix, for where the user is (s49 review of 5bcc8e17): under `aef train` a
sentinel2 in 0..1 was refused with validate_stack's Python aside '(for the stack passed: `ds = stack['sentinel2']
.to_dataset()`, ...)' AND the command's 'Python only: for `aef train`, open the --data stack ...' in one error. The
command's note now replaces the Python aside (its `bands = [...]` kept, which the fix `ds[bands] * 1e4` names); in
Python the aside stays and no command note is added."""
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import AEFError
from alphaearth_nb.stacks import validate_stack

pytestmark = pytest.mark.filterwarnings("ignore:.*VV and VH look swapped")   # make_stack's S1, beside the point
CASES = {"reflectance in 0..1": (lambda ds: ds / 1e4, "`ds[bands] * 1e4`", True),
         "an extra variable NDWI": (lambda ds: ds.assign(NDWI=ds["B4"]), "`ds.drop_vars(['NDWI'])`", False)}


def _tree(make_stack, change):
    s = make_stack(32, 32, hole=False)   # the preset's 32-pixel patch fits (a smaller stack is refused for its size first)
    s["sentinel2"] = change(s["sentinel2"].to_dataset())
    return s


@pytest.mark.parametrize("case", CASES)
def test_the_command_says_one_way_to_the_fix(case, tmp_path, capsys, monkeypatch, embed_standin):
    change, python, bands = CASES[case]
    monkeypatch.chdir(tmp_path)
    _tree(embed_standin.make_stack, change).to_zarr(tmp_path / "s.zarr")
    assert main(["train", "--steps", "1", "--data", str(tmp_path / "s.zarr"), "--out", "run"]) == 2
    err = [l for l in capsys.readouterr().err.splitlines() if l.startswith("aef: error: ")][-1]
    assert python in err and err.count("Python only: for `aef train`") == 1, err
    assert "for the stack passed" not in err and "stack['sentinel2'] = ds" not in err, err
    assert ("`bands = [" in err) == bands, err   # the names `ds[bands]` acts on, still said


@pytest.mark.parametrize("case", CASES)
def test_python_keeps_its_aside_and_gets_no_command_note(case, embed_standin):
    change, python, _ = CASES[case]
    with pytest.raises(AEFError) as e: validate_stack(_tree(embed_standin.make_stack, change))
    said = str(e.value)
    assert python in said and "Python only" not in said, said
    if "ds[bands]" in python:
        assert "(for the stack passed: `ds = stack['sentinel2'].to_dataset()`" in said, said
        assert "for the stack passed" not in shell_words(said, "train"), shell_words(said, "train")
    assert shell_words(said, "evaluate") == said   # a command that reads no stack: Python's words as they are
