"""'Did you mean' was written anew in nine places (the CLI's flags and sources, embed's --sources, a path's folder,
a mirror's name, a site table's columns, the source registry, --resume's runs beside, `.aef`'s keywords), each with
its own `difflib.get_close_matches` cutoff (0.0 to 0.75), some folding case or '-'/'_' and some not. One helper now,
`core.near_names` / `core.suggest` (module `spelling`), and every one of them calls it. Gaps it closes: a misspelt
subcommand (`aef clasify`) got argparse's bare 'invalid choice'; `aef similarity --point pts.csv` was told 'no point'
without --points; `ds.aef.validate(check_valus=...)` named `validate_stack()` and its `stack`, which the method
passes itself."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import cli, core, embed_cmd, loaders, mirror_list, sites, sources, train_cmd
from alphaearth_nb.core import MirrorError, UnknownFieldError, UnknownSourceError, near_names, suggest
from alphaearth_nb.runs import RUN_MARKER


# the helper, by hand: SequenceMatcher's ratio is 2 * matches / (len(a) + len(b)) of the folded words
@pytest.mark.parametrize("word, choices, want", [
    ("sentinal2", ["sentinel1", "sentinel2"], ["sentinel2"]),        # a typo: 8 of 9 letters, 16/18 = 0.89 (s1: 0.78)
    ("LANDSAT", ["landsat_toa", "landsat"], ["landsat"]),           # case alone: the same name, first
    ("batch-size", ["steps", "batch_size"], ["batch_size"]),        # a hyphen for an underscore
    ("Source Coop", ["gcs", "source_coop"], ["source_coop"]),       # a space too
    ("h3res", ["res", "h3"], ["h3"]),                                # begins with 'h3': 0.8; 'res' 6/8 = 0.75
    ("r2", ["runs", "r1"], ["r1"]),                                  # two letters, one wrong: 2/4 = 0.5 counts
    ("abc", ["abd"], ["abd"]),                                       # 4/6 = 0.67 >= 0.6
    ("abcd", ["axyd"], []),                                          # 4/8 = 0.5 < 0.6: nothing close
    ("zzz", ["sentinel2", "dem"], []),
    ("--", ["--steps"], []),                                         # folds to nothing
])
def test_near_names_by_hand(word, choices, want):
    assert near_names(word, choices) == want


def test_suggest_says_it_or_nothing():
    assert suggest("sentinal2", ["sentinel2", "dem"]) == " (did you mean 'sentinel2'?)"
    assert suggest("stpes", ["steps", "step", "seed"], n=2) == " (did you mean 'steps' or 'step'?)"   # 0.8, 0.67
    assert suggest("zzz", ["steps"]) == ""
    assert near_names("abcd", ["axyd"], cutoff=0.5) == ["axyd"]   # a cutoff of one's own


def _error(capsys, args):
    assert cli.main(args) == 2   # argparse's `aef: error: ...`
    return capsys.readouterr().err.strip().splitlines()[-1]


def test_cli_flag(capsys):
    err = _error(capsys, ["train", "--out", "never", "--stpes", "3"])
    assert "--stpes is not a flag of aef train: did you mean --steps 3?" in err, err


@pytest.mark.parametrize("typed, meant", [("clasify", "classify"), ("simil", "similarity"), ("Train", "train")])
def test_cli_subcommand(capsys, typed, meant):
    err = _error(capsys, [typed, "--out", "x"])
    assert f"{typed!r} is no command of aef (did you mean {meant!r}?)" in err and "aef --help" in err, err


def test_cli_subcommand_nothing_close(capsys):
    err = _error(capsys, ["zzzz"])
    assert "'zzzz' is no command of aef: name one of demo, train" in err and "did you mean" not in err, err


def test_cli_point_given_a_file(capsys, tmp_path):
    err = _error(capsys, ["similarity", "--embeddings", str(tmp_path), "--point", "pts.csv", "--out", "o.tif"])
    assert "'pts.csv' names a file, not a point: a file of points is --points pts.csv" in err, err
    err = _error(capsys, ["similarity", "--embeddings", str(tmp_path), "--point", "5.9;45", "--out", "o.tif"])
    assert "'5.9;45' is no point: pass LON,LAT" in err, err   # not a file: the point's own words


def test_cli_values_source(capsys):
    err = _error(capsys, ["train", "--out", "never", "--inputs", "Sentinal-2"])
    assert "'Sentinal-2' is no registered source (did you mean 'sentinel2'?)" in err, err


def test_embed_sources():
    with pytest.raises(UnknownSourceError, match="'SENTINAL2': did you mean 'sentinel2'"):
        embed_cmd._source_names("SENTINAL2", {"sentinel2", "landsat"})


def test_loaders_near_match(tmp_path):
    (tmp_path / "labels_2023.csv").write_text("x\n")
    assert loaders.near_match(tmp_path / "Labels-2023.csv") == f" (did you mean {tmp_path / 'labels_2023.csv'}?)"
    assert loaders.near_match(tmp_path / "other.csv") == ""   # a shared '.csv' alone is no match


def test_mirror_name():
    with pytest.raises(MirrorError, match="source='SORCE-COOP' is unknown \\(did you mean source='source_coop'\\?\\)"):
        mirror_list.mirror_of("SORCE-COOP")


def test_sites_column():
    assert sites._spelt("split", ["geometry", "Splits"]) == "Splits"
    assert sites._spelt("split", ["geometry", "zone"]) is None


def test_sources_registry():
    with pytest.raises(UnknownSourceError, match="unknown source 'Sentinel_1' \\(did you mean 'sentinel1'\\?\\)"):
        sources.get_source("Sentinel_1")


def test_train_resume_of_nothing(tmp_path):
    for name in ("run_b", "run_a", "zebra"):
        (tmp_path / name).mkdir()
        (tmp_path / name / RUN_MARKER).write_text("{}")
    msg = train_cmd._resume_of_nothing(tmp_path / "run_a2")
    assert f"(runs in {tmp_path}: run_a, run_b, zebra)" in msg, msg   # every run beside, the nearest first


def test_core_unknown_keys():
    with pytest.raises(UnknownFieldError, match="'Batch-Size' \\(did you mean 'batch_size'\\?\\)"):
        core.unknown_keys({"Batch-Size": 2}, ["steps", "batch_size"], "TrainConfig")


def _emb():
    v = np.ones((2, 3, 64), np.float32) / 8
    return xr.DataArray(v, dims=("y", "x", "band"), coords={"y": [15.0, 5.0], "x": [5.0, 15.0, 25.0],
                                                            "band": [f"A{i:02d}" for i in range(64)]},
                        attrs={"crs": "EPSG:32631"})


def test_accessor_prefix():
    with pytest.raises(UnknownFieldError, match="'h3res' \\(did you mean 'h3'\\?\\)"):
        _emb().aef.aggregate(h3res=9)


def test_stack_accessor_validate_names_the_method():
    ds = _emb().to_dataset(name="embedding")   # a Dataset that holds an embedding: `validate_embedding`
    with pytest.raises(UnknownFieldError) as e:
        ds.aef.validate(check_valus=False)
    msg = str(e.value)
    assert msg.startswith("`.aef.validate` (validate_embedding) got an unknown name 'check_valus' (did you mean "
                          "'check_values'?): it takes check_values."), msg   # not `emb`: the method passes it
