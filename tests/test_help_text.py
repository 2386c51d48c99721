"Help text a newcomer reads (help(aef.core), help(aef.runtime), aef --help, aef's lines) says where each thing is."
import re
from pathlib import Path

import pytest

import alphaearth_nb as aef
from alphaearth_nb import core, runtime, embed_cmd
from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import parser


def test_core_names_where_each_aef_setting_lives():
    "core said the AEF_* settings '(cache, ...)' were runtime's: AEF_CACHE is downloads.cache_dir's, AEF_SHARED_DATA readers'."
    doc = " ".join(core.__doc__.split())
    assert "(cache, threads, memory) are `runtime`'s" not in doc
    assert re.search(r"AEF_CACHE`[^;]*downloads\.cache_dir", doc), doc
    assert re.search(r"AEF_SHARED_DATA`[^;]*readers\.shared_data_dir", doc), doc
    from alphaearth_nb import downloads, readers   # where they are read
    assert "AEF_CACHE" in Path(downloads.__file__).read_text() and "AEF_SHARED_DATA" in Path(readers.__file__).read_text()


def test_runtime_lists_every_variable_it_reads():
    "runtime's description named no variable; each one its source reads is named, with the import-order rule."
    read = set(re.findall(r"AEF_[A-Z_]+", Path(runtime.__file__).read_text().split('"""', 2)[2]))  # below the docstring
    assert len(read) == 7, read   # COMPILE_CACHE, FAST_COMPILE, CPU_THREADS, CPU_DEVICES, KEEP_HEAP, UNROLL_CAP, LLVM_OPTIONS
    assert {v for v in read if f"`{v}`" not in runtime.__doc__} == set()
    assert "JE_ARROW_MALLOC_CONF=background_thread:false" in runtime.__doc__


def test_keep_heap_says_what_it_sets_and_the_import_order():
    "keep_heap's docstring said 'see above', which help() does not show."
    doc = " ".join(runtime.keep_heap.__doc__.split())
    assert "see above" not in doc and "HEAP_KEEP_BYTES" in doc
    assert "before pandas or xarray" in doc and "JE_ARROW_MALLOC_CONF=background_thread:false" in doc


def test_crs_error_names_proj_text_among_what_is_read():
    "CRSError said '(not an EPSG code, WKT or PROJJSON)'; PROJ text is read too."
    import pyproj
    assert pyproj.CRS("+proj=utm +zone=31 +datum=WGS84 +units=m +no_defs").to_epsg() == 32631   # read
    assert "PROJ text" in core.CRSError.__doc__


def test_an_error_class_at_the_top_level_names_where_it_is():
    "aef.ConfigError was a bare AttributeError; it names aef.core.ConfigError, and hasattr still says no."
    with pytest.raises(AttributeError, match=r"ConfigError is aef\.core\.ConfigError"):
        aef.ConfigError
    assert not hasattr(aef, "ConfigError") and not hasattr(aef, "CRSError")
    assert aef.core.ConfigError is core.ConfigError
    with pytest.raises(AttributeError) as e: aef.no_such_name
    assert "aef.core" not in str(e.value)        # a name core lacks gets the plain message
    assert aef.AEFError is core.AEFError          # one dot away: unchanged


def _help(cmd):
    sub = next(a for a in parser()._actions if a.dest == "cmd").choices[cmd]
    return {a.option_strings[0]: " ".join(a.help.split()) for a in sub._actions if a.option_strings}


def test_train_inputs_help_says_resume_reads_the_runs():
    "--inputs/--targets ended 'With --resume: the run's again, and --preset'."
    for flag in ("--inputs", "--targets"):
        assert _help("train")[flag].endswith("(with --resume: the run's, as --preset is)"), _help("train")[flag]


def test_demo_out_help_refuses_only_non_empty_folders():
    "'any other folder is refused': an empty folder is taken."
    assert "any other non-empty folder is refused" in _help("demo")["--out"]


def test_embed_left_out_lines_name_the_command(monkeypatch, tmp_path, capsys):
    "aef embed printed 'aef: the model does not read dem: left out' where its other lines say 'aef embed:'."
    from alphaearth_nb import train
    from alphaearth_nb.stacks import toy_stack
    toy_stack().to_zarr(tmp_path / "st.zarr", consolidated=False)
    class Model: cfg = type("C", (), {"inputs": ("sentinel1", "sentinel2"), "targets": ()})
    monkeypatch.setattr(train, "load_model", lambda p: Model)
    monkeypatch.setattr(embed_cmd, "embed_to_zarr", lambda st, m, period, out, **kw: out)
    argv = ["embed", "--checkpoint", str(tmp_path), "--period", "2021", "--out", str(tmp_path / "o.zarr"),
            "--data", str(tmp_path / "st.zarr")]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert ("aef embed: the stack's source dem is not read by the model (it encodes sentinel1, sentinel2 and decodes "
            "nothing): left out; to use it, train a model that reads it") in err, err   # s38: fit's words
    assert main(argv + ["--sources", "sentinel2", "--allow-missing", "--overwrite"]) == 0
    err = capsys.readouterr().err
    assert "aef embed: not in --sources, left out: " in err, err
