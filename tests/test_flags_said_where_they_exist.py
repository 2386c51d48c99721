"""A message names a command-line flag only where a command has it. build_local_mirror (no command builds a mirror)
says `overwrite=True` alone, while `aef embed`'s store says `--overwrite` (the shell's words, `cli_args.shell_words`);
the label rasters' no-data fix names `--labels-nodata` under `aef evaluate` (the one command with --labels) and keeps
Python's words under the others; `aef train/embed --data` says what a user has, a .nc/.zarr stack of the sensors'
data, not xarray's 'DataTree'. Was: 'pass overwrite=True (`--overwrite` on the command line)' from
build_local_mirror; `--labels-nodata 255` under `aef train`; '--data: ... a .nc/.zarr DataTree, one group per source'
and '... is not a .nc or .zarr stack: pass `samples` or a .nc/.zarr DataTree'."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import OutputExistsError
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.metrics import warn_fill_ids
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_mirror_built_twice_is_told_the_python_keyword(tmp_path, shared_data):
    pytest.importorskip("geopandas"); pytest.importorskip("rioxarray")
    from alphaearth_nb.official import build_local_mirror
    build_local_mirror(tmp_path / "m", years=(2024,), samples=shared_data / "aef_samples")
    with pytest.raises(OutputExistsError) as e:
        build_local_mirror(tmp_path / "m", years=(2024,), samples=shared_data / "aef_samples")
    assert "overwrite=True" in str(e.value) and "--overwrite" not in str(e.value), e.value


def test_a_store_written_twice_is_told_the_flag_under_aef_embed(tmp_path):
    e = embedding_from_array(random_unit((3, 4), seed=1))
    to_zarr(e, tmp_path / "e.zarr")
    with pytest.raises(OutputExistsError) as err: to_zarr(e, tmp_path / "e.zarr")
    assert "pass overwrite=True" in str(err.value) and "--overwrite" not in str(err.value), err.value
    assert "pass --overwrite to replace" in shell_words(str(err.value), "embed")


def test_the_label_nodata_flag_is_named_under_evaluate_alone():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        warn_fill_ids(np.r_[np.arange(1, 11), [255] * 5].repeat(3), np.uint8, form="raster")
    said = str(w[0].message)
    assert "`--labels-nodata 255`" in shell_words(said, "evaluate")
    for other in ("train", "embed", None):
        assert "--labels-nodata" not in shell_words(said, other), shell_words(said, other)


@pytest.mark.parametrize("command", ["train", "embed"])
def test_the_data_help_says_a_stack(capsys, command):
    main([command, "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "a .nc/.zarr stack of the sensors' data, one group per source" in out and "DataTree" not in out, out


def test_the_data_refusal_says_a_stack(tmp_path, capsys):
    (p := tmp_path / "notes.txt").write_text("x")
    assert main(["embed", "--data", str(p), "--checkpoint", str(tmp_path), "--period", "2024", "--out",
                 str(tmp_path / "o.zarr")]) == 2
    err = capsys.readouterr().err
    assert "pass `samples`, a .nc/.zarr stack or an eo-learn patch folder" in err and "DataTree" not in err, err
