"Options of `aef` given a plausible but wrong value: exit 2, one `aef: error:` line that names the fix (kind G)."
import pytest

from alphaearth_nb.cli import main


@pytest.mark.parametrize("opt", ["--inputs", "--targets"])
@pytest.mark.parametrize("value", ["", ",", " , "])
def test_an_empty_source_list_is_named_as_empty(capsys, opt, value):
    "`--targets \"$T\"` with T unset names no source: said so, with the names to pick from (it said 'True: not "
    "registered source names')."
    assert main(["train", opt, value]) == 2
    err = capsys.readouterr().err
    assert "aef: error:" in err and "True" not in err and "names no source" in err and "sentinel2" in err, err
