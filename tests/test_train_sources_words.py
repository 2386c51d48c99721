"""Session 46's review, 5: what `aef train` makes of source names. A misspelt or unknown name in --inputs/--targets was
refused as "['sentinal2']: not registered source names: pass some of ...", without the likely one (Python's
`preset(inputs=('sentinal2',))`, a `SourceError`, says "Did you mean 'sentinel2'?"); `aef train --sources`, embed's
flag, was "a flag of aef embed, not of aef train (aef train --help lists them)", not the flag train reads. Now each
names the likely source (or flag) and the registered ones. A list with spaces, another spelling, and a source absent
from the data (MissingSourceError naming the stack's sources and the flags) already read or were refused so."""
import pytest

from alphaearth_nb import cli, cli_args, model, sources
from alphaearth_nb.core import UnknownSourceError


def _error(capsys, args):
    assert cli.main(args) == 2   # argparse's `aef: error: ...`, exit status 2
    return capsys.readouterr().err.strip().splitlines()[-1]


@pytest.mark.parametrize("flag, given, likely", [("--inputs", "sentinal2", "sentinel2"), ("--targets", "dem,gedii", "gedi"),
                                                 ("--inputs", "sentinel2, sentinal1", "sentinel1")])
def test_a_misspelt_source_is_named_with_the_likely_one_and_the_known_ones(capsys, flag, given, likely):
    bad = next(t.strip() for t in given.split(",") if t.strip() not in sources.registered())
    err = _error(capsys, ["train", "--out", "never", flag, given])
    assert f"argument {flag}: {bad!r} is no registered source (did you mean {likely!r}?)" in err, err
    assert all(s in err for s in sources.registered()), err
    with pytest.raises(UnknownSourceError, match=f"did you mean {likely!r}"):   # Python's words agree
        model.preset("tiny", **{flag[2:]: (bad,)})


def test_a_name_like_no_source_names_the_known_ones(capsys):
    err = _error(capsys, ["train", "--out", "never", "--inputs", "xyz"])
    assert "'xyz' is no registered source: pass some of sentinel2, " in err and "did you mean" not in err, err


def test_train_sources_is_told_it_reads_inputs(capsys):
    err = _error(capsys, ["train", "--out", "never", "--sources", "sentinel2"])
    assert err.endswith("--sources is a flag of aef embed, not of aef train: did you mean --inputs sentinel2?"), err
    a = cli_args.parser().parse_args(["train", "--inputs", "sentinel2"])   # the flag named reads it
    assert a.inputs == ("sentinel2",)


def test_a_list_with_spaces_reads_as_the_names():
    a = cli_args.parser().parse_args(["train", "--inputs", " sentinel2 , Sentinel-1 ", "--targets", "dem,,gedi"])
    assert a.inputs == ("sentinel2", "sentinel1") and a.targets == ("dem", "gedi")
