"""An output in a folder that cannot be written is refused before any work, by the package's error naming the folder
and the fix (it was a PermissionError traceback from deep inside, after the work): fit, embed_to_zarr, map_to_cog,
aef embed --out."""
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import jax
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import embed as aef_embed
from alphaearth_nb.cli import main
from alphaearth_nb.core import AEFError, NotWritableError
from alphaearth_nb.embed import embed_to_zarr
from alphaearth_nb.files import check_output, writing_file
from alphaearth_nb.testing import Standin, standin_loss
from alphaearth_nb.train import TrainConfig, fit

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def ro(tmp_path):
    "A folder this process cannot write in: a read-only one (0555); for root, who writes in any of those, /proc."
    if os.geteuid() == 0:
        if not os.path.isdir("/proc"): pytest.skip("no /proc")
        yield Path("/proc"); return
    d = tmp_path / "ro"; d.mkdir(); d.chmod(0o555)
    yield d
    d.chmod(0o755)


def _refused(e, ro):
    "The error names the folder and the fix, and is both ours and a PermissionError (old `except` clauses hold)."
    assert isinstance(e.value, AEFError) and isinstance(e.value, PermissionError)
    assert f"cannot write in {ro}" in str(e.value) and "choose" in str(e.value), str(e.value)


def _work(*a, **k): raise AssertionError("work started before the output folder was checked")


def _never():  # training data: taking a batch is work
    raise AssertionError("work started before the output folder was checked"); yield


def test_fit_refuses_a_run_folder_it_cannot_write(ro):
    cfg = TrainConfig(steps=2, warmup=1, batch_size=8, checkpoint_every=1)
    with pytest.raises(NotWritableError) as e:
        fit(Standin(key=jax.random.PRNGKey(0)), _never(), out=ro / "run", config=cfg, loss_fn=standin_loss,
            progress=False)
    _refused(e, ro)
    with pytest.raises(NotWritableError) as e:   # below folders yet to be made: the nearest that exists is named
        fit(Standin(key=jax.random.PRNGKey(0)), _never(), out=ro / "a" / "b", config=cfg, loss_fn=standin_loss,
            progress=False)
    _refused(e, ro)


def test_embed_to_zarr_refuses_before_embedding(ro, monkeypatch):
    monkeypatch.setattr(aef_embed, "_embed", _work)
    with pytest.raises(NotWritableError) as e: embed_to_zarr(None, None, 2024, ro / "e.zarr", progress=False)
    _refused(e, ro)


def test_map_to_cog_and_single_files_refuse(ro):
    pytest.importorskip("rasterio")
    from alphaearth_nb.exports import map_to_cog
    m = xr.DataArray(np.ones((4, 4), np.int16), dims=("y", "x"), coords={"y": 50.0 - np.arange(4), "x": np.arange(4.0)},
                     attrs={"crs": "EPSG:32631"})
    with pytest.raises(NotWritableError) as e: map_to_cog(m, ro / "m.tif")
    _refused(e, ro)
    with pytest.raises(NotWritableError) as e:
        with writing_file(ro / "x.json", "w") as f: f.write("{}")
    _refused(e, ro)


def test_aef_embed_out_is_one_line(ro, tmp_path, capsys):
    code = main(["embed", "--checkpoint", str(tmp_path), "--period", "2024", "--out", str(ro / "x.zarr")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("aef: error:") and f"cannot write in {ro}" in err and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="root only: becomes another user")
def test_a_folder_without_write_permission_as_another_user(said_as):   # root writes anywhere: fork as `nobody`
    top = Path(tempfile.mkdtemp()); top.chmod(0o755)   # under /tmp: pytest's own folders are closed to others
    d = top / "shared"; d.mkdir(); d.chmod(0o555)
    said = said_as(lambda: check_output(d / "e.zarr", what="embedding store", folder=True))
    assert said.startswith("NotWritableError") and f"cannot write in {d}" in said and "permission" in said, said
    assert list(d.iterdir()) == []
    shutil.rmtree(top)


@pytest.mark.parametrize("cmd", ["train", "demo", "embed"])
def test_every_aef_command_that_writes_refuses_with_the_core_error(cmd, ro, tmp_path, monkeypatch):
    """`aef train --out` in a folder it cannot write was a `ConfigError` (cli's own probe); now `NotWritableError`
    (files.local_output) for every command that writes, before any work: no scene read, no model loaded, no training."""
    from alphaearth_nb import cli, scene, train
    from alphaearth_nb.cli_args import parser
    for name in ("load_scene",): monkeypatch.setattr(scene, name, _work)
    for name in ("fit", "load_model"): monkeypatch.setattr(train, name, _work)
    more = {"embed": ["--checkpoint", str(tmp_path), "--period", "2024"]}.get(cmd, [])
    for out in (ro / "o.zarr", ro / "a" / "b.zarr"):   # in it, and below folders yet to be made
        a = parser().parse_args([cmd, "--out", str(out), *more])
        with pytest.raises(NotWritableError) as e: cli.COMMANDS[cmd](a)
        _refused(e, ro)
        assert str(out) in str(e.value)


@pytest.mark.parametrize("cmd", ["train", "demo"])
def test_a_file_where_the_out_folder_goes_is_refused_before_any_work(cmd, tmp_path, monkeypatch):
    from alphaearth_nb import cli, scene, train
    from alphaearth_nb.cli_args import parser
    from alphaearth_nb.core import NotOursError
    monkeypatch.setattr(scene, "load_scene", _work); monkeypatch.setattr(train, "fit", _work)
    (tmp_path / "f").write_text("a file")
    a = parser().parse_args([cmd, "--out", str(tmp_path / "f" / "run")])
    with pytest.raises(NotOursError, match=r"f is a file"): cli.COMMANDS[cmd](a)


def test_a_run_whose_checkpoints_cannot_be_written_is_refused_before_a_step(tmp_path):
    # a team-mate's run (or a read-only copy) resumed: was trained to the first checkpoint, then refused there
    from alphaearth_nb.testing import standin_batches
    cfg = TrainConfig(steps=2, warmup=1, batch_size=8, checkpoint_every=1)
    run = tmp_path / "run"
    fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=run, config=cfg, loss_fn=standin_loss, progress=False)
    ck, metrics = run / "checkpoints", (run / "metrics.jsonl").read_text()
    if os.geteuid() == 0:   # root writes in any folder: the checkpoints folder is one where no file can be made
        shutil.move(ck, tmp_path / "kept"); ck.symlink_to("/proc", target_is_directory=True)
    else: ck.chmod(0o555)
    try:
        for kw in ({"resume": True, "steps": 4}, {"overwrite": True}):
            with pytest.raises(NotWritableError, match=rf"cannot write in {ck} .*checkpoints of the training run"):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    fit(Standin(key=jax.random.PRNGKey(0)), _never(), out=run, config=cfg, loss_fn=standin_loss,
                        progress=False, **kw)
            assert (run / "metrics.jsonl").read_text() == metrics   # nothing removed by overwrite either
    finally:
        if not ck.is_symlink(): ck.chmod(0o755)
