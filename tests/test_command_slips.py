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


def test_labels_beside_a_csv_of_embeddings_are_not_ignored(tmp_path, capsys):
    "A CSV holds its labels in a column; `--labels FILE` beside it was read by nothing, and the table evaluated with "
    "the CSV's own column as if the raster had been used."
    import numpy as np
    import pandas as pd
    from alphaearth_nb.core import band_names
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.normal(size=(40, 64)).astype(np.float32), columns=band_names())
    df["label"] = np.arange(40) % 2
    df.to_csv(tmp_path / "e.csv", index=False)
    (tmp_path / "lab.nc").write_bytes(b"")
    for labels in (str(tmp_path / "lab.nc"), "samples"):
        assert main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--labels", labels, "--shots", "1",
                     "--folds", "2"]) == 2
        err = capsys.readouterr().err
        assert "aef: error:" in err and "--label-column" in err and "--labels" in err, err
