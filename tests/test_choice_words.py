"""One reading of choice words everywhere (core.choice_word: any case, spaces around): classify/regress's
method ('KNN'), preset ('Small'), evaluate's methods ('KNN3'), a level 'MAX' (Python's shots and `aef evaluate
--shots MAX`, as --folds Paper and --preset Small read). And a flag of another command given to one without it is
named as such (`aef embed --steps x`: a flag of aef train and aef demo), not matched by spelling to a flag of other
meaning (was: 'did you mean --sources x?')."""
import xarray as xr

from alphaearth_nb import analysis, model
from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import parser
from alphaearth_nb.draws import as_levels
from alphaearth_nb.evaluate import _parse_methods


def test_python_choices_in_any_case(two_blobs):
    emb, truth = two_blobs
    lab = xr.DataArray(truth, dims=("y", "x"), coords={"y": emb.y, "x": emb.x}, attrs=emb.attrs)
    want = analysis.classify(emb, lab, method="knn", k=1)
    got = analysis.classify(emb, lab, method=" KNN ", k=1)
    xr.testing.assert_identical(got, want)
    assert model.preset("Small") == model.preset("small") and model.preset(" TINY") == model.preset("tiny")
    assert as_levels(["MAX", 10]) == ("max", 10) and as_levels(" Max") == ("max",)
    assert _parse_methods(["KNN3", "Linear"]) == (("knn3", "linear"), {"knn3": 3})


def test_the_command_reads_max_in_any_case(tmp_path):
    e = tmp_path / "e.csv"; e.write_text("A00\n")
    a = parser().parse_args(["evaluate", "--embeddings", str(e), "--shots", "1,MAX", "--folds", "Paper"])
    assert a.shots == (1, "max") and a.folds is None


def test_a_flag_of_another_command_is_named_so(capsys):
    assert main(["embed", "--steps", "x"]) == 2
    err = capsys.readouterr().err
    assert "--steps is a flag of aef demo and aef train, not of aef embed" in err and "--sources x" not in err, err
