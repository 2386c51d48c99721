import os, subprocess, sys

import numpy as np
import xarray as xr
import pandas as pd
import pytest

import alphaearth_nb
from alphaearth_nb import embed_cmd   # aef embed's body: what it looks up (embed_to_zarr) is patched there
from alphaearth_nb.cli import main, open_stack
from alphaearth_nb.cli_args import parser as _parser
from alphaearth_nb.core import ConfigError, LabelWarning, band_names
from alphaearth_nb.step import TrainConfig


def test_parser_knows_every_command():
    for cmd in ("demo", "train", "embed", "evaluate"):
        assert _parser().parse_args([cmd] + {"embed": ["--checkpoint", ".", "--period", "2024", "--out", "o"],
                                             "evaluate": ["--embeddings", "."]}.get(cmd, [])).cmd == cmd


def test_version_prints_the_package_version_and_exits_0(capsys):
    # `aef --version` was "the following arguments are required: cmd", exit 2
    assert main(["--version"]) == 0
    assert alphaearth_nb.__version__ in capsys.readouterr().out

def test_open_stack_names_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="--data samples"):
        open_stack(tmp_path / "missing.nc")


def test_evaluate_command_on_a_csv(tmp_path, capsys):
    # two well separated classes of unit vectors: every method should be perfect at 10 shots
    rng = np.random.default_rng(0)
    centres = np.eye(64, dtype=np.float32)[:2]
    x = centres[np.repeat([0, 1], 30)] + 0.05 * rng.normal(size=(60, 64)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    df = pd.DataFrame(x, columns=band_names()); df["label"] = np.repeat([0, 1], 30)
    df.to_csv(tmp_path / "e.csv", index=False)
    main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "10", "--folds", "5"])
    out = capsys.readouterr().out
    assert "knn1" in out and "linear" in out
    assert out.count("100.0%") >= 3  # balanced accuracy 100% for knn1, knn3 and the probe (printed in per cent)


def test_aef_entry_point_runs_and_its_status_is_the_exit_status():
    "The console script's function in a fresh interpreter: the help (0), then a bad option: `sys.exit` status 2."
    r = subprocess.run([sys.executable, "-c", "import sys; from alphaearth_nb.cli import main; "
                        "assert main(['--help']) == 0; sys.exit(main(['train', '--lr', '7']))"],
                       capture_output=True, text=True)   # one interpreter: each start imports the package (seconds)
    assert "demo" in r.stdout and "evaluate" in r.stdout, r.stderr
    assert r.returncode == 2 and "aef: error: argument --lr" in r.stderr


def test_lr_takes_the_learning_rates_train_config_takes(capsys):
    "`aef train --lr` reads a learning rate by TrainConfig's own rule, (0, 1]: `--lr 1` passes as TrainConfig(peak_lr=1.0) "
    "does (it was refused as not in (0, 1)), and `--lr 2` is refused in TrainConfig's words."
    assert _parser().parse_args(["train", "--lr", "1"]).lr == 1.0 == TrainConfig(peak_lr=1).peak_lr
    with pytest.raises(SystemExit): _parser().parse_args(["train", "--lr", "2"])
    err = capsys.readouterr().err
    assert "argument --lr: 2.0 must be a positive finite number at most 1, e.g. 1e-4" in err, err


def test_python_dash_m_runs_the_command():
    "`python -m alphaearth_nb.cli` is `aef`: a bad call prints aef's usage and ends with status 2 (it used to do "
    "nothing, 0)."
    r = subprocess.run([sys.executable, "-m", "alphaearth_nb.cli", "embed"], capture_output=True, text=True)
    assert r.returncode == 2 and "required" in r.stderr and "usage: aef embed" in r.stderr, r.stderr

def _err(capsys, argv):
    code = main(argv)
    return code, capsys.readouterr().err


def test_errors_of_ours_and_of_the_os_are_one_line_exit_2(tmp_path, capsys):  # G1
    cases = [["train", "--data", str(tmp_path / "none.nc")],              # a path that is not there
             ["train", "--steps", "0"], ["evaluate", "--embeddings", "x.csv", "--shots", "1,ten"],
             ["embed", "--checkpoint", str(tmp_path), "--period", "24", "--out", "o.zarr"]]  # F2 through the CLI
    for argv in cases:
        code, err = _err(capsys, argv)
        assert code == 2 and "aef: error:" in err and "Traceback" not in err, (argv, err)
    (tmp_path / "e.csv").write_text(",".join(band_names()) + ",crop\n" + "0," * 64 + "rice\n")   # no 'label' column
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "e.csv")])
    assert code == 2 and "--label-column" in err and "KeyError" not in err
    (tmp_path / "e.csv").write_text("a,b\n1,2\n")   # no band either: said first (tests/test_cli_embeddings_kinds)
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "e.csv")])
    assert code == 2 and "hold no embedding band (A00 .. A63)" in err and "KeyError" not in err
    ro = tmp_path / "ro"; ro.mkdir(); (ro / "x.csv").write_text("no")
    os.chmod(ro / "x.csv", 0)
    if not os.access(ro / "x.csv", os.R_OK):  # root reads anything: the OS error cannot be provoked then
        code, err = _err(capsys, ["evaluate", "--embeddings", str(ro / "x.csv")])
        assert code == 2 and err.startswith("aef: error:")


def test_embed_never_touches_a_user_folder(tmp_path, capsys):  # E1 through the CLI
    mine = tmp_path / "myproject"; mine.mkdir(); (mine / "thesis.tex").write_text("years of work")
    for extra in ([], ["--overwrite"]):
        code, err = _err(capsys, ["embed", "--checkpoint", str(tmp_path), "--period", "2024", "--out", str(mine)] + extra)
        assert code == 2 and "did not write" in err
    assert (mine / "thesis.tex").read_text() == "years of work"


def test_labels_mixing_numbers_and_names(tmp_path, capsys):  # G2
    df = pd.DataFrame(np.eye(64, dtype=np.float32)[:4], columns=band_names()); df["label"] = [1, "forest", 2, "water"]
    df.to_csv(tmp_path / "e.csv", index=False)
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "e.csv")])
    assert code == 2 and "mixes numbers" in err and "forest" in err


def test_embed_drops_sources_the_model_does_not_read():  # G4
    import xarray as xr
    from alphaearth_nb.cli import model_sources
    class Model: cfg = type("C", (), {"inputs": ("sentinel2",), "targets": ("sentinel2", "dem")})
    stack = xr.DataTree.from_dict({s: xr.Dataset() for s in ("sentinel2", "sentinel1", "dem", "gedi")})
    kept, dropped = model_sources(stack, Model)
    assert list(kept.children) == ["sentinel2", "dem"] and dropped == ["sentinel1", "gedi"]
    assert list(model_sources(stack, Model, "sentinel2")[0].children) == ["sentinel2"]


def test_k_zero_is_not_told_to_lower_k():  # G3: the suggested fix must work
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.evaluate import knn_search
    x = np.eye(4, dtype=np.float32)
    with pytest.raises(ConfigError, match="k >= 1") as e: knn_search(x, x, 0)
    assert "lower k" not in str(e.value)
    assert knn_search(x, x, 1)[1].ravel().tolist() == [0, 1, 2, 3]  # what the message says to do works


def test_demo_report_breaks_change_down_by_transition():
    "Hand-worked: two conifer->bare pixels (1.0, 0.5) and one summer->winter crop pixel (0.1); unchanged ignored."
    import numpy as np
    from alphaearth_nb import demo, scene
    ch = np.array([[0.0, 1.0], [0.5, 0.1]])
    before, after = np.array([[0, 2], [2, 3]]), np.array([[0, 7], [7, 4]])
    got = demo._transitions(ch, before, after)
    assert [(t["from"], t["to"], t["pixels"]) for t in got] == [
        (scene.CLASSES[2], scene.CLASSES[7], 2), (scene.CLASSES[3], scene.CLASSES[4], 1)]
    np.testing.assert_allclose([t["one_minus_dot"] for t in got], [0.75, 0.1])


def test_unreadable_inputs_are_one_line_exit_2(tmp_path, capsys):
    "An empty CSV, a text file named .nc and a CSV given as checkpoint: `aef: error:` naming the file, exit 2."
    (tmp_path / "empty.csv").write_text("")
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "empty.csv")])
    assert code == 2 and "empty.csv" in err and "header row" in err and "Traceback" not in err, err
    (tmp_path / "bad.nc").write_text("not a netcdf file\n")
    code, err = _err(capsys, ["train", "--data", str(tmp_path / "bad.nc"), "--steps", "1"])
    assert code == 2 and "cannot be opened as a DataTree" in err and "--data samples" in err, err
    (tmp_path / "good.csv").write_text("a,b\n1,2\n")
    code, err = _err(capsys, ["embed", "--checkpoint", str(tmp_path / "good.csv"), "--period", "2024",
                              "--out", str(tmp_path / "y.zarr")])
    assert code == 2 and "is not a checkpoint" in err and "damaged" not in err, err


def test_no_fast_compile_holds_for_the_command_only(monkeypatch):  # issue 16 item 2
    from alphaearth_nb import cli
    from alphaearth_nb.runtime import FAST_COMPILE, compiler_options
    seen = []
    monkeypatch.delenv("AEF_FAST_COMPILE", raising=False)
    monkeypatch.setitem(cli.COMMANDS, "demo", lambda a: seen.append(compiler_options("cpu")))
    assert main(["--no-compile-cache", "--no-fast-compile", "demo"]) == 0
    assert "AEF_FAST_COMPILE" not in os.environ  # restored after the command
    assert main(["--no-compile-cache", "demo"]) == 0
    assert seen == [None, FAST_COMPILE]


def _store(path, h=6, w=5, seed=0):
    "An embedding store as `aef embed` writes it (no consolidated metadata, our completion marker), and its grid."
    from alphaearth_nb.files import writing_folder
    from alphaearth_nb.testing import embedding_from_array, random_unit
    emb = embedding_from_array(random_unit((h, w), seed=seed))
    ds = emb.to_dataset(name="embedding").assign_coords(band=emb.band.astype(object))
    with writing_folder(path, what="embedding store", meta={"kind": "embedding"}) as tmp:
        ds.to_zarr(tmp, mode="w", consolidated=False)
    return emb


def test_every_file_evaluate_opens_names_the_option_and_a_fix(tmp_path, capsys):
    "A garbage .nc or a two-variable one as --labels ended in a ValueError traceback; the named fix now works."
    import warnings
    import xarray as xr
    emb = _store(tmp_path / "emb.zarr")
    lab = xr.DataArray(np.tile([[0, 1, 2, 1, 0]], (6, 1)), dims=("y", "x"), coords={"y": emb.y, "x": emb.x})
    (tmp_path / "bad.nc").write_text("garbage\n")
    xr.Dataset({"lc": lab, "other": lab * 2}).to_netcdf(tmp_path / "two.nc")
    run = ["evaluate", "--embeddings", str(tmp_path / "emb.zarr"), "--shots", "1", "--folds", "2", "--spacing", "0",
           "--labels"]   # every pixel of the small map, not thinned
    code, err = _err(capsys, run + [str(tmp_path / "bad.nc")])
    assert code == 2 and err.startswith("aef: error: --labels") and "bad.nc" in err and ".nc/.zarr label" in err, err
    code, err = _err(capsys, run + [str(tmp_path / "two.nc")])
    assert code == 2 and "--labels-var lc" in err and "['lc', 'other']" in err, err
    with warnings.catch_warnings(record=True) as w:  # item 8: a store of ours opens without xarray's/zarr's noise
        warnings.simplefilter("always")
        assert main(run + [str(tmp_path / "two.nc"), "--labels-var", "lc"]) == 0  # the fix the message names
    assert "knn1" in capsys.readouterr().out
    assert not [x for x in w if "onsolidated" in str(x.message) or "not recognized" in str(x.message)], w


def test_evaluate_says_what_a_folder_is_instead_of_an_embedding_store(tmp_path, capsys):
    "An empty folder or a run folder as --embeddings printed zarr's `No group found in store ... at path ''`."
    (tmp_path / "lab.nc").write_text("x")
    (tmp_path / "empty").mkdir(); (tmp_path / "run" / "checkpoints").mkdir(parents=True)
    from alphaearth_nb.checkpoint import RUN_MARKER; (tmp_path / "run" / RUN_MARKER).write_text("")   # a run of ours
    for folder, says in (("empty", "is an empty folder: pass the .zarr written by `aef embed --out`"),
                         ("run", "training run folder: embed with it first (`aef embed --checkpoint")):
        for labels in (["--labels", str(tmp_path / "lab.nc")], []):  # without --labels too: not "need --labels"
            code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / folder), *labels])
            assert code == 2 and says in err, err
            assert "No group found" not in err


def test_evaluate_calls_only_our_runs_a_training_run_folder(tmp_path, capsys):
    "Any folder with checkpoints/ or metrics.jsonl was 'a training run folder: embed with it first' (checkpoint.is_run)."
    from alphaearth_nb.checkpoint import RUN_MARKER
    foreign = tmp_path / "foreign"; (foreign / "checkpoints").mkdir(parents=True)    # e.g. another tool's run
    (foreign / "checkpoints" / "ckpt_000010.pt").write_bytes(b"not ours"); (foreign / "metrics.jsonl").write_text("{}\n")
    code, err = _err(capsys, ["evaluate", "--embeddings", str(foreign)])
    assert code == 2 and "training run folder" not in err and "aef embed --checkpoint" not in err, err
    assert "neither a zarr store nor an alphaearth_nb run" in err and "pass the .zarr written by `aef embed --out`" in err
    assert "No group found" not in err, err
    ours = tmp_path / "ours"; ours.mkdir(); (ours / RUN_MARKER).write_text("")       # our marker, no checkpoint yet
    code, err = _err(capsys, ["evaluate", "--embeddings", str(ours)])
    assert code == 2 and "training run folder: embed with it first" in err, err


def test_output_and_texts_problems_name_the_option_and_the_path(tmp_path, capsys):
    "`--out /proc/x.zarr` printed an errno with an internal temp path after the model loaded; --texts a bare errno."
    code, err = _err(capsys, ["train", "--texts", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "r")])
    assert code == 2 and f"--texts {tmp_path / 'nope.csv'} does not exist" in err, err
    (tmp_path / "t.csv").write_text("y,x,when\n1,2,2024\n")
    code, err = _err(capsys, ["train", "--texts", str(tmp_path / "t.csv"), "--out", str(tmp_path / "r")])
    assert code == 2 and "t.csv lacks the column(s) ['time', 'text']" in err and not (tmp_path / "r").exists(), err
    if os.path.isdir("/proc"):  # checked before the checkpoint is opened: the checkpoint here is not even one
        code, err = _err(capsys, ["embed", "--checkpoint", str(tmp_path), "--period", "2024", "--out", "/proc/x.zarr"])
        assert code == 2 and "cannot write in /proc" in err and "/proc/x.zarr" in err and "checkpoint" not in err, err


@pytest.fixture
def fake_embed(monkeypatch, tmp_path):
    "A stack on disk, a model reading (sentinel1, sentinel2) and an `embed_to_zarr` that records what it was given."
    from alphaearth_nb import train
    from alphaearth_nb.stacks import toy_stack
    toy_stack().to_zarr(tmp_path / "st.zarr", consolidated=False)
    class Model: cfg = type("C", (), {"inputs": ("sentinel1", "sentinel2"), "targets": ("dem",)})
    monkeypatch.setattr(train, "load_model", lambda p: Model)
    seen = []
    monkeypatch.setattr(embed_cmd, "embed_to_zarr", lambda st, m, period, out, **kw: seen.append((list(st.children), kw)) or out)
    return ["embed", "--checkpoint", str(tmp_path), "--period", "2021", "--out", str(tmp_path / "o.zarr"),
            "--data", str(tmp_path / "st.zarr")], seen   # 2021: the toy stack's year (a period out of reach is refused first)


def test_embed_sources_typos_and_unread_sources_are_refused_with_the_working_flag(fake_embed, capsys):
    "`--sources sentinel2,radar` dropped radar silently; `Sentinel2`/`nosuch`/unread ones got a false notice."
    argv, seen = fake_embed
    code, err = _err(capsys, argv + ["--sources", "sentinel2,sentinel1,radar"])
    assert code == 2 and "unknown source(s) ['radar']" in err and "known: dem, " in err, err
    code, err = _err(capsys, argv + ["--sources", "Sentinel2,sentinel1"])   # another spelling of sentinel2: read as it
    assert code == 0 and sorted(seen[-1][0]) == ["sentinel1", "sentinel2"], err   # (was: 'did you mean')
    code, err = _err(capsys, argv + ["--sources", "sentinal2,sentinel1"])   # a typo: refused with the likely name
    assert code == 2 and "did you mean 'sentinel2'" in err, err
    code, err = _err(capsys, argv + ["--sources", "sentinel2,landsat"])  # a source, but one the model does not read
    assert code == 2 and "does not read" in err and "--sources sentinel1,sentinel2" in err, err
    assert _err(capsys, argv + ["--sources", "sentinel1,sentinel2"])[0] == 0  # the fix named
    assert sorted(seen[-1][0]) == ["sentinel1", "sentinel2"] and seen[-1][1]["allow_missing"] is False
    assert "the model does not read" not in capsys.readouterr().err  # dem is a target: kept; nothing dropped


def test_embed_leaving_out_an_input_needs_allow_missing(fake_embed, capsys):
    "The message told to pass `allow_missing=True`, which `aef embed` had no flag for."
    argv, seen = fake_embed
    code, err = _err(capsys, argv + ["--sources", "sentinel2"])
    assert code == 2 and "['sentinel1'] would be left out" in err and "--allow-missing" in err, err
    assert "allow_missing=True" not in err
    code = main(argv + ["--sources", "sentinel2", "--allow-missing"])  # the fix named
    err = capsys.readouterr().err
    assert code == 0 and seen[-1] == (["sentinel2"], {"int8": False, "overwrite": False, "allow_missing": True,
                                                         "allow_extrapolation": False})
    line = next(l for l in err.splitlines() if "not in --sources, left out:" in l)
    assert sorted(line.split(": ")[-1].split(", ")) == ["dem", "sentinel1"] and "does not read" not in err, err


@pytest.mark.slow
def test_embed_allow_missing_with_a_real_model(tmp_path, capsys, monkeypatch):
    "The `small` preset reads landsat, sentinel1 and sentinel2; the toy stack has no landsat."
    import jax
    import xarray as xr
    from alphaearth_nb import train
    from alphaearth_nb.model import AlphaEarth, preset
    from alphaearth_nb.stacks import toy_stack
    toy_stack(size=16).to_zarr(tmp_path / "st.zarr", consolidated=False)
    monkeypatch.setattr(train, "load_model", lambda p: AlphaEarth(preset("small"), key=jax.random.key(0)))
    argv = ["embed", "--checkpoint", str(tmp_path), "--period", "2021", "--out", str(tmp_path / "o.zarr"),
            "--data", str(tmp_path / "st.zarr")]
    code, err = _err(capsys, argv)
    assert code == 2 and "add ['landsat'] to the stack" in err and "--allow-missing" in err, err
    assert main(argv + ["--allow-missing"]) == 0
    out = xr.open_dataarray(tmp_path / "o.zarr", engine="zarr", consolidated=False)
    assert out.shape == (16, 16, 64) and np.isfinite(out.values).any()


def test_train_resume_takes_the_preset_the_run_recorded(tmp_path, capsys, monkeypatch):  # G3
    "`aef train --preset tiny --out run`, then `--resume` without --preset failed loading tiny into small."
    import jax.numpy as jnp
    from alphaearth_nb import train   # aef train's body calls train.fit: patched there
    from alphaearth_nb.checkpoint import save_checkpoint
    save_checkpoint(tmp_path / "run" / "checkpoints", {"w": jnp.zeros(2)}, meta={"preset": "tiny"}, step=1)
    got = []
    def fit(preset, *a, **k): got.append(preset); raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    run = ["train", "--out", str(tmp_path / "run"), "--resume", "--steps", "3"]
    code, err = _err(capsys, run + ["--preset", "small"])
    assert code == 2 and "was trained with preset 'tiny': pass --preset tiny" in err and not got, err
    code, err = _err(capsys, run)
    assert got == ["tiny"] and "resuming" in err and "preset 'tiny'" in err, err
    _err(capsys, run + ["--preset", "tiny"]); _err(capsys, ["train", "--out", str(tmp_path / "new"), "--steps", "3"])
    assert got == ["tiny", "tiny", "small"]  # no run to resume: the default


def test_repeated_shot_counts_are_refused(tmp_path, capsys):  # `--shots max,max` ran every row twice
    csv = str(tmp_path / "x.csv"); open(csv, "w").write("A00\n1\n")
    for shots, says in (("max,max", "max,max gives ['max'] more than once (each level runs every row once): pass "
                                    "--shots=max"),
                        ("1,10,1", "1,10,1 gives [1] more than once (each level runs every row once): pass --shots=1,10"),
                        ("²", "argument --shots: '²' is not a level: pass whole numbers of at least 1 and/or 'max', "
                              "e.g. --shots=1,10,max")):   # '²'.isdigit(): was argparse's 'invalid _shots value'
        code, err = _err(capsys, ["evaluate", "--embeddings", csv, "--shots", shots])
        assert code == 2 and says in err and "Traceback" not in err, err
    assert _parser().parse_args(["evaluate", "--embeddings", csv, "--shots", "1, 10,max"]).shots == (1, 10, "max")


@pytest.fixture
def full_disk(tmp_path):
    "A 1 MiB tmpfs mounted under `tmp_path` (root only), unmounted after the test."
    mnt = tmp_path / "disk"; mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root and mount rights): {r.stderr.strip()[:120]}")
    try: yield mnt
    finally: subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:Object at .aef-complete is not recognized")  # our completion marker
def test_embed_onto_a_full_disk_is_one_line_and_leaves_the_old_store(tmp_path, full_disk):  # E2 and G1, as a process
    """`aef embed --overwrite` onto a full disk: rc 2 and `aef: error: ... No space`, but zarr's chunk writes still
    running after the first failure refilled the removed partial copy (left beside the store every run), and 1 run
    in 4 ended with an asyncio traceback (`cannot schedule new futures after shutdown`) under our line."""
    import xarray as xr
    from alphaearth_nb.files import is_ours, writing_folder
    from alphaearth_nb.stacks import toy_stack
    toy_stack(size=120).to_zarr(tmp_path / "st.zarr", consolidated=False)
    old = xr.Dataset({"embedding": (("y", "x"), np.arange(64, dtype=np.float32).reshape(8, 8))})
    with writing_folder(full_disk / "o.zarr", what="embedding store", meta={"kind": "embedding"}) as t:
        old.to_zarr(t, consolidated=False)  # an earlier result of ours, which --overwrite is to replace
    code = ("import asyncio, sys, jax, zarr.storage\nfrom alphaearth_nb import train\n"
            "from alphaearth_nb.model import AlphaEarth, preset\n"
            "train.load_model = lambda p: AlphaEarth(preset('tiny'), key=jax.random.key(0))\n"
            "put = zarr.storage.LocalStore.set\n"  # a slow disk: one chunk's write is still running when another fails
            "async def slow(self, key, value):\n    await asyncio.sleep(1.0 if key == 'embedding/c/0/1/0' else 0)\n"
            "    return await put(self, key, value)\nzarr.storage.LocalStore.set = slow\n"
            "from alphaearth_nb.cli import main\nsys.argv[0] = 'aef'\nsys.exit(main())\n")  # argv None: as `aef` runs
    argv = ["embed", "--checkpoint", str(tmp_path), "--period", "2021", "--data", str(tmp_path / "st.zarr"),
            "--out", str(full_disk / "o.zarr"), "--overwrite"]
    r = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": os.getcwd(), "AEF_CPU_DEVICES": "0"})
    lines = [l for l in r.stderr.replace("\r", "\n").splitlines() if l.strip()]
    assert sorted(p.name for p in full_disk.iterdir()) == ["o.zarr"], r.stderr[-2000:]  # no partial copy beside it
    assert is_ours(full_disk / "o.zarr")
    xr.testing.assert_equal(xr.open_zarr(full_disk / "o.zarr", consolidated=False).load(), old)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "Task" not in r.stderr, r.stderr[-3000:]
    assert lines[-1].startswith("aef: error:") and "No space left on the disk of" in lines[-1], lines[-3:]  # said last
    assert "o.zarr is as it was before" in lines[-1], lines[-1]   # names the store kept (core.DiskError.full)


def _pre_marker_run(tmp_path, preset="tiny"):
    "A run as `aef train` wrote it before the `.aef-run` marker: checkpoints/ only, its header recording `preset`."
    import jax.numpy as jnp
    from alphaearth_nb.checkpoint import save_checkpoint
    return save_checkpoint(tmp_path / "run" / "checkpoints", {"w": jnp.zeros(2)}, meta={"preset": preset}, step=1)


def test_a_cut_header_from_before_the_marker_is_damaged_to_train_resume_and_embed(tmp_path, capsys):
    "`aef train --resume` called such a run 'not ours, left alone' while `aef embed` called it damaged: one verdict."
    from alphaearth_nb.stacks import toy_stack
    head = _pre_marker_run(tmp_path)
    head.write_text(head.read_text()[:30])  # cut short
    toy_stack(size=48).to_zarr(tmp_path / "st.zarr", consolidated=False)
    mend = f"first line of {head.stem}.eqx"
    for preset in (["--preset", "tiny"], []):  # without --preset: the preset comes from the header's copy in the .eqx
        code, err = _err(capsys, ["train", "--out", str(tmp_path / "run"), "--resume", "--steps", "3",
                                  "--data", str(tmp_path / "st.zarr"), *preset])
        assert code == 2 and head.name in err and mend in err and "left alone" not in err, err
    assert "resuming" not in err and "aef train:" not in err, err   # refused before its plan (s52)
    code, err = _err(capsys, ["embed", "--checkpoint", str(tmp_path / "run"), "--period", "2024",
                              "--out", str(tmp_path / "e.zarr")])
    assert code == 2 and head.name in err and mend in err, err


def test_train_resume_takes_its_preset_from_our_checkpoint_not_another_tools(tmp_path, capsys, monkeypatch):
    "`latest_checkpoint` took another tool's newer ckpt_*.json for `--resume`'s preset; loading skipped it."
    from alphaearth_nb import train   # aef train's body calls train.fit: patched there
    ck = _pre_marker_run(tmp_path).parent
    (ck / "ckpt_00000009.json").write_text('{"format": "othertool/1", "preset": "lite"}')
    (ck / "ckpt_00000009.eqx").write_bytes(b"another tool's weights")
    got = []
    def fit(preset, *a, **k): got.append(preset); raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    code, err = _err(capsys, ["train", "--out", str(tmp_path / "run"), "--resume", "--steps", "3"])
    assert got == ["tiny"] and "preset 'tiny'" in err, (got, err)


def test_case_C18_evaluate_leaves_negative_ids_out_like_classify(tmp_path, capsys):
    "A table's -1 is unlabelled (classify's rule): `aef evaluate` leaves those rows out, warned; the scores are those without them."
    from alphaearth_nb.evaluate import evaluate_embeddings, shares_table
    rng = np.random.default_rng(1)
    x = rng.normal(size=(90, 64)).astype(np.float32); x /= np.linalg.norm(x, axis=1, keepdims=True)
    y = np.repeat([0, 1, 2], 30); y[::4] = -1                                    # every 4th point unlabelled
    df = pd.DataFrame(x, columns=band_names()); df["label"] = y
    df.to_csv(tmp_path / "t.csv", index=False)
    with pytest.warns(LabelWarning, match=r"23 of 90 labels are \[-1\].*left out"):
        main(["evaluate", "--embeddings", str(tmp_path / "t.csv"), "--shots", "5", "--folds", "2"])
    out = capsys.readouterr().out
    want = evaluate_embeddings(x[y >= 0], y[y >= 0], shots=[5], folds=2)
    assert shares_table(want).to_string(index=False) in out                                   # 3 classes, as without the -1 rows


# --- G18-5: a ';'-separated CSV (a spreadsheet's export in most European locales) is read, decimal commas too ------
@pytest.mark.parametrize("sep,decimal", [(";", "."), (";", ","), ("\t", "."), ("\t", ",")])
def test_evaluate_reads_a_spreadsheet_csv(tmp_path, capsys, sep, decimal):
    from alphaearth_nb.labels import read_table
    rng = np.random.default_rng(0)
    centres = np.eye(64, dtype=np.float32)[:2]
    x = centres[np.repeat([0, 1], 30)] + 0.05 * rng.normal(size=(60, 64)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    df = pd.DataFrame(x, columns=band_names()); df["label"] = np.repeat(["crop", "forest"], 30)
    df.to_csv(tmp_path / "e.csv", index=False, sep=sep, decimal=decimal)
    got = read_table(tmp_path / "e.csv")
    assert list(got.columns) == list(df.columns) and (got["label"] == df["label"]).all()
    np.testing.assert_allclose(got[band_names()].to_numpy(np.float32), x, rtol=1e-6)
    assert main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "10", "--folds", "5"]) in (0, None)
    out = capsys.readouterr().out
    assert "knn1" in out and out.count("100.0%") >= 3   # printed in per cent


# --- A19-3: the band columns by meaning, as the API reads them (a database export lower-cases names: a00..a63) -----
@pytest.mark.parametrize("rename", [str.lower, lambda b: f"A{int(b[1:])}"])   # a00..a63; A0..A63 unpadded
def test_evaluate_reads_band_columns_in_any_case(tmp_path, capsys, rename):
    from alphaearth_nb.cli import labels_from_csv
    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 64)).astype(np.float32); x /= np.linalg.norm(x, axis=1, keepdims=True)
    df = pd.DataFrame(x, columns=band_names()); df["label"] = np.repeat([1, 2], 20)
    other = df.rename(columns={b: rename(b) for b in band_names()}).iloc[:, ::-1]   # and in another order
    got, y = labels_from_csv(other, "label")
    np.testing.assert_array_equal(got, x)                              # A00..A63 in band order, whatever the names
    for d, name in ((df, "e.csv"), (other, "o.csv")): d.to_csv(tmp_path / name, index=False)
    main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "10", "--folds", "2"])
    want = capsys.readouterr().out
    assert main(["evaluate", "--embeddings", str(tmp_path / "o.csv"), "--shots", "10", "--folds", "2"]) in (0, None)
    assert capsys.readouterr().out == want


def test_embed_over_several_years_says_it_is_one_embedding(fake_embed, capsys):  # N19-13
    "`--period 2020,2021` is one embedding valid over both years: users read 'both' as one map per year."
    argv, seen = fake_embed
    i = argv.index("--period") + 1
    assert main(argv[:i] + ["2020,2021"] + argv[i + 1:]) == 0
    err = capsys.readouterr().err
    assert "one embedding" in err.lower() and "2020-01-01" in err and "2022-01-01" in err, err
    assert "--period 2020" in err and "--period 2021" in err, err        # how to get one map per year
    assert main(argv) == 0 and "one embedding" not in capsys.readouterr().err.lower()   # one year: no note
    h = " ".join(_parser()._subparsers._group_actions[0].choices["embed"].format_help().split()).lower()
    assert "one embedding" in h and "once per year" in h, h


def test_demo_report_separates_training_from_the_whole_and_names_each_point_set():
    "The report said 'Trained ... in 783.8 s' for the whole demo (545 s training) and gave two 10-shot embedding"
    " scores (0.659, 0.645) without saying they come from different points."
    import pandas as pd
    from alphaearth_nb import demo
    rep = dict(loss_first10=1.0, loss_last10=0.5, steps=200, batch_size=4, change_cleared=0.4, change_elsewhere=0.1,
               cleared_pixels=900, train_seconds=545.2, seconds=783.8, tenshot_pixels=22500)
    cmp = dict(best_baseline="composite", embedding_10shot=0.645, best_baseline_10shot=0.7, error_ratio_10shot=1.18,
               landcover_points=540, min_dist=50.0, changed_pixels=900, change_embedding=0.8,
               change_best_baseline=0.85, unchanged_1dot=0.1, changed_1dot=0.4)
    table = pd.DataFrame({"method": ["knn1"], "balanced_accuracy": [0.659]})
    text = "\n".join(demo._lines(rep, cmp, table, [2023, 2024]))
    assert "in 545.2 s" in text and "took 783.8 s" in text and "in 783.8 s" not in text
    assert "22500 labelled pixels" in text and "540 pixels at least 50 m apart" in text


def test_a_flat_netcdf_as_data_is_named_with_its_readers(tmp_path, monkeypatch, capsys):
    # the WorldCereal patch as it comes (variables at the root, no group per source): `aef embed` said "the stack has
    # []: add ['sentinel2'] to the stack", `aef train` "put them in a child" without naming the readers
    import xarray as xr
    from alphaearth_nb.core import StackTypeError
    monkeypatch.chdir(tmp_path)
    xr.Dataset({"S2-L2A-B02": (("t", "y", "x"), np.zeros((1, 2, 2), np.uint16))}).to_netcdf("flat.nc")
    assert main(["train", "--steps", "1", "--data", "flat.nc", "--out", "run"]) == 2
    err = capsys.readouterr().err
    assert "aef: error: --data flat.nc holds variables ['S2-L2A-B02'] at its root" in err, err
    assert "readers.read_worldcereal_patch" in err and "DataTree.from_dict" in err and not (tmp_path / "run").exists()
    with pytest.raises(StackTypeError, match="at its root"): open_stack("flat.nc")   # `aef embed` opens it so too


def test_train_resume_continues_with_the_runs_settings(tmp_path, capsys, monkeypatch):
    # `aef train --batch-size 2 --lr 5e-4 --seed 3 --steps 40`, interrupted, then `aef train --resume --out run`: the
    # command's defaults (batch 4, lr 1e-4, seed 0, 1000 steps) replaced the run's, the lr and seed without a word
    import jax.numpy as jnp
    from alphaearth_nb import train as train_module   # `train` below is the run's settings
    from alphaearth_nb.checkpoint import save_checkpoint
    train = {"steps": 40, "peak_lr": 5e-4, "warmup": 3, "batch_size": 2, "seed": 3}
    save_checkpoint(tmp_path / "run" / "checkpoints", {"w": jnp.zeros(2)}, meta={"preset": "tiny", "train": train},
                    step=1)
    got = []
    def fit(preset, *a, config=None, **k): got.append(config); raise ConfigError("stop here")
    monkeypatch.setattr(train_module, "fit", fit)
    _err(capsys, ["train", "--out", str(tmp_path / "run"), "--resume"])
    c = got[-1]
    assert (c.steps, c.peak_lr, c.warmup, c.batch_size, c.seed) == (40, 5e-4, 3, 2, 3), c
    _err(capsys, ["train", "--out", str(tmp_path / "run"), "--resume", "--steps", "80", "--lr", "1e-3"])
    c = got[-1]   # what is given wins; the rest is the run's
    assert (c.steps, c.peak_lr, c.warmup, c.batch_size, c.seed) == (80, 1e-3, 3, 2, 3), c
    _err(capsys, ["train", "--out", str(tmp_path / "new")])
    c = got[-1]   # a new run: the command's defaults
    assert (c.steps, c.peak_lr, c.warmup, c.batch_size, c.seed) == (1000, 1e-4, 100, 4, 0), c


def test_train_resume_of_a_finished_run_says_nothing_was_trained(tmp_path, capsys, monkeypatch):
    # a finished run resumed (its checkpoints copied without metrics.jsonl): was an IndexError traceback; with its
    # metrics, 'trained tiny to step 2: loss a -> b' although no step ran
    import jax.numpy as jnp
    from alphaearth_nb import train   # aef train's body calls train.fit: patched there
    from alphaearth_nb.checkpoint import save_checkpoint
    save_checkpoint(tmp_path / "run" / "checkpoints", {"w": jnp.zeros(2)},
                    meta={"preset": "tiny", "train": {"steps": 2}, "data_position": 2}, step=2)
    monkeypatch.setattr(train, "fit", lambda *a, **k: (type("S", (), {"step": 2})(), []))
    code = main(["train", "--out", str(tmp_path / "run"), "--resume"])
    said = capsys.readouterr()
    assert code == 0 and "already at step 2 of --steps 2: nothing to train" in said.out, said   # before fit since s36
    assert "--steps" in said.out.split("nothing to train")[1] and "loss" not in said.out


def test_a_folder_that_is_no_corpus_is_not_told_to_hold_one(tmp_path, capsys):
    # `aef train --corpus RUN_FOLDER`: was "write one with `corpus.write_corpus('RUN_FOLDER')`" (into the run)
    (tmp_path / "run" / "checkpoints").mkdir(parents=True)
    code, err = _err(capsys, ["train", "--preset", "tiny", "--corpus", str(tmp_path / "run"), "--steps", "1",
                              "--out", str(tmp_path / "new")])
    assert code == 2 and "is not a corpus" in err and "export.export_sites" in err and "write_corpus" in err, err
    assert f"write_corpus('{tmp_path / 'run'}')" not in err


@pytest.mark.parametrize("period,form", [("2024,2023", "--period 2023,2024"),
                                         ("2024-06-01,2024-01-01", "--period 2024-01-01,2024-06-01")])
def test_a_period_refused_on_the_command_line_is_told_in_its_options(capsys, period, form):
    # was told in Python tuples: "pass (first, last), e.g. ('2023', '2024')"
    code, err = _err(capsys, ["embed", "--checkpoint", ".", "--period", period, "--out", "o.zarr"])
    assert code == 2 and form in err, err


def test_an_embedding_field_as_data_is_named_so_by_every_entry(fake_embed, tmp_path, monkeypatch, capsys,
                                                               official_forms):
    # the official embeddings (xee's A00..A63 variables, a (band, y, x) tile) given where a stack of sources is read:
    # Python was told to set attrs['source']='sentinel2', `aef embed/train --data` that they sit "at its root"
    import xarray as xr
    from alphaearth_nb.core import StackTypeError
    from alphaearth_nb.model import init
    from alphaearth_nb.train import fit
    from alphaearth_nb.embed import embed
    xee, tile, _ = official_forms
    fix = r"embedding field.*aef\.from_official\(ds\)"
    for obj in (xee, tile):
        with pytest.raises(StackTypeError, match=fix): embed(obj, init("tiny"), 2024)
        with pytest.raises(StackTypeError, match=fix): fit("tiny", obj, steps=1)
    monkeypatch.chdir(tmp_path)
    xee.to_netcdf("emb.nc")
    xr.DataTree.from_dict({"embedding": tile.to_dataset(name="embedding")}).to_netcdf("grouped.nc")
    for cmd in (["train", "--steps", "1", "--out", "run"], fake_embed[0]):   # a model to embed with: fake_embed's
        for f in ("emb.nc", "grouped.nc"):
            assert main([*cmd, "--data", f]) == 2
            err = capsys.readouterr().err
            assert f"aef: error: --data {f} is an embedding field" in err and "aef evaluate --embeddings" in err, err
            assert "attrs['source']" not in err and "at its root" not in err
    assert not (tmp_path / "run").exists() and not fake_embed[1]


def test_evaluate_given_an_embedding_as_labels_is_told_in_the_commands_words(tmp_path, capsys, official_forms):
    # the store itself (or the official product's A00..A63 variables) as --labels was told "select one layer, e.g.
    # `labels.isel(time=0)`", a Python call: the command names its options and the file --labels expects
    _store(tmp_path / "emb.zarr")
    official_forms[0].to_netcdf(tmp_path / "official.nc")
    for lab in ("emb.zarr", "official.nc"):
        code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "emb.zarr"), "--shots", "1", "--folds",
                                  "2", "--labels", str(tmp_path / lab)])
        assert code == 2 and f"--labels {tmp_path / lab} is an embedding field" in err, err
        assert "--embeddings" in err and "(y, x)" in err and "isel(" not in err and "--labels-var" not in err, err


def test_evaluate_given_a_label_stack_is_told_in_the_commands_words(tmp_path, capsys):
    # a (time, y, x) label stack as --labels was told "select one layer, e.g. `labels.isel(time=0)`", Python's
    # words to a shell user: the command names the layers it found and the (y, x) file --labels takes
    emb = _store(tmp_path / "emb.zarr")
    stack = xr.DataArray(np.ones((3, emb.sizes["y"], emb.sizes["x"]), np.int16), name="landcover",
                         dims=("time", "y", "x"), coords={"time": pd.date_range("2019", periods=3, freq="YS"),
                                                          "y": emb.y, "x": emb.x})
    stack.to_netcdf(tmp_path / "stack.nc")
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "emb.zarr"), "--shots", "1", "--folds", "2",
                              "--labels", str(tmp_path / "stack.nc")])
    assert code == 2 and f"--labels {tmp_path / 'stack.nc'} holds 3 layers along time" in err, err
    assert "(y, x)" in err and "2019" in err and "isel(" not in err, err


@pytest.mark.parametrize("period,what", [("24", "24 is not a calendar year"), ("2024-13", "cannot read '2024-13'"),
                                         ("2024-06-01,2024-06-01", "is not after its start")])
def test_a_period_the_command_cannot_read_is_told_the_forms_in_its_options(capsys, period, what):
    # was told Python's forms: "(or '2024', 2024.0, np.datetime64('2024'), pd.Period('2024')), a pd.Period for another
    # span (pd.Period('2024-03', 'M')), or a (start, end) pair such as ('2024-03-01', '2024-06-01')"
    code, err = _err(capsys, ["embed", "--checkpoint", ".", "--period", period, "--out", "o.zarr"])
    line = err.strip().splitlines()[-1]
    assert code == 2 and what in line and "--period 2024-03-01,2024-06-01" in line, err
    assert "pd.Period" not in line and "np.datetime64" not in line and "('" not in line.split(": ", 2)[-1], err


def _scene_store(path, period_start, period_end, seed=0):
    "An embedding store of the sample scene's grid with the period attrs `aef embed` records (random vectors)."
    from alphaearth_nb import scene
    from alphaearth_nb.files import writing_folder
    from alphaearth_nb.testing import embedding_from_array, random_unit
    _, _, labels = scene.load_scene()
    emb = embedding_from_array(random_unit(labels.shape[1:], seed=seed), coords={"y": labels.y, "x": labels.x})
    emb.attrs.update(period_start=period_start, period_end=period_end)
    ds = emb.to_dataset(name="embedding").assign_coords(band=emb.band.astype(object))
    with writing_folder(path, what="embedding store", meta={"kind": "embedding"}) as tmp:
        ds.to_zarr(tmp, mode="w", consolidated=False)
    return emb, labels


def test_evaluate_labels_samples_scores_a_store_of_the_sample_scene(tmp_path, capsys):
    "`--labels samples` (the word of `--data samples`) was refused, 'samples does not exist': nothing on the command "
    "line gave the sample scene's labels, so train -> embed -> evaluate stopped at evaluate. It takes the scene's class "
    "map of the year the store was embedded for."
    from alphaearth_nb import analysis, evaluate
    emb, labels = _scene_store(tmp_path / "e.zarr", "2024-01-01T00:00:00", "2025-01-01T00:00:00")
    assert _parser().parse_args(["evaluate", "--embeddings", str(tmp_path / "e.zarr"), "--labels", "samples"]).labels == "samples"
    run = ["evaluate", "--embeddings", str(tmp_path / "e.zarr"), "--labels", "samples", "--shots", "1", "--folds", "2",
           "--spacing", "0"]   # every pixel, as training_set gives them (the paper's spacing: test_evaluate_spacing)
    assert main(run) == 0
    x, y = evaluate.drop_unlabelled(*analysis.training_set(emb, labels.sel(year=2024)))
    want = evaluate.shares_table(evaluate.evaluate_embeddings(x, y, shots=[1], folds=2, seed=0, progress=False))
    out = capsys.readouterr().out.strip().splitlines()   # the table in per cent, the line saying what it is, the protocol
    assert "\n".join(out[:-2]).strip() == want.to_string(index=False).strip() and out[-2].startswith("balanced_accuracy:")
    assert out[-1].startswith("protocol: every labelled pixel (") and "optimistic" in out[-1], out[-1]   # --spacing 0
    assert not np.array_equal(labels.sel(year=2023).values, labels.sel(year=2024).values)  # the year matters
    for start, end in (("2022-01-01", "2023-01-01"), ("2023-01-01", "2025-01-01")):   # no labels; two years
        _scene_store(tmp_path / f"{start}.zarr", start, end)
        code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / f"{start}.zarr"), "--labels", "samples"])
        assert code == 2 and "[2023, 2024]" in err and "--data samples --period 2024" in err, err
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "e.zarr"), "--labels", str(tmp_path / "no.nc")])
    assert code == 2 and "pass `samples`, a .nc/.zarr label raster, a vector file" in err and "a CSV of points" in err, err


def test_evaluate_given_a_run_folder_as_labels_says_what_labels_expects(tmp_path, capsys):
    "A training run folder (or any folder that is no zarr store) as --labels gave xarray's GroupNotFoundError text."
    from alphaearth_nb.checkpoint import RUN_MARKER
    _store(tmp_path / "emb.zarr")
    run = tmp_path / "run"; (run / "checkpoints").mkdir(parents=True); (run / RUN_MARKER).write_text("")
    other = tmp_path / "other"; other.mkdir(); (other / "notes.txt").write_text("x")
    argv = ["evaluate", "--embeddings", str(tmp_path / "emb.zarr"), "--labels"]
    code, err = _err(capsys, argv + [str(run)])
    assert code == 2 and err.startswith(f"aef: error: --labels {run} is a training run folder"), err
    assert ".nc/.zarr label raster" in err and "GroupNotFound" not in err and "No group found" not in err, err
    code, err = _err(capsys, argv + [str(other)])
    assert code == 2 and err.startswith(f"aef: error: --labels {other} is a folder that is no zarr store"), err
    assert ".nc/.zarr label raster" in err and "GroupNotFound" not in err and "No group found" not in err, err


def test_demo_says_what_it_does_before_training_and_where_it_wrote(tmp_path, capsys, monkeypatch):
    # a newcomer's `make demo`: a bar at 0/200 for a minute with no word before it, and a report ending "Pictures:
    # scene.png, ... Training run: run/." without the folder they are in
    from types import SimpleNamespace
    from alphaearth_nb import train   # aef train's body calls train.fit: patched there
    seen = []
    def fit(preset, *a, out=None, config=None, **k):
        seen.append(capsys.readouterr().err)   # what was said before training began
        return SimpleNamespace(model=None), [{"loss": 1.0}]
    from alphaearth_nb import demo
    monkeypatch.setattr(train, "fit", fit)
    monkeypatch.setattr(demo, "embed", lambda *a, **k: None)
    monkeypatch.setattr(demo, "_pictures", lambda *a, **k: None)
    monkeypatch.setattr(demo, "_report", lambda tmp, *a, **k: (tmp / "report.md").write_text("r\n") and {"steps": 3})
    out = tmp_path / "demo"
    assert demo.demo(str(out), steps=3, progress=False) == {"steps": 3}
    assert "3 steps" in seen[0] and str(out) in seen[0] and "2023 and 2024" in seen[0], seen
    said = capsys.readouterr().out
    assert f"wrote {out}" in said and str(out / "run") in said and (out / "report.md").exists(), said
