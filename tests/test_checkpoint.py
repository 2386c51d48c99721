"A checkpoint's header is covered by its checksum: an edited or renamed header is refused, not resumed (checkpoint)."
import dataclasses
import json
import warnings

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb.checkpoint import latest_checkpoint, load_checkpoint, read_header, save_checkpoint, verify_checkpoint
from alphaearth_nb.core import AEFError, CheckpointError, ConfigError, DamagedCheckpointError, TrainingWarning
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit, init_state, make_optimizer


def _tree(k=1):
    return {"layer": eqx.nn.Linear(3, 2, key=jax.random.key(k)), "count": jnp.arange(4)}


LIKE = eqx.filter_eval_shape(lambda: _tree(0))
META = {"train": {"batch_size": 8, "steps": 6}, "optimizer": "tree", "data_position": 5}


def _edit(path, **fields):
    "Rewrite a checkpoint's `.json` with some fields changed, as a hand edit or a damaged copy would."
    h = json.loads(path.read_text())
    for k, v in fields.items():
        if v is None: h.pop(k, None)
        else: h[k] = v
    path.write_text(json.dumps(h, indent=1))


@pytest.fixture
def saved(tmp_path):
    for k in (3, 5): save_checkpoint(tmp_path, _tree(k), META, step=k)
    return tmp_path, tmp_path / "ckpt_00000005.json"


@pytest.mark.parametrize("field,value", [("step", 9), ("data_position", 0), ("optimizer", "flat"),
                                         ("train", {"batch_size": 4, "steps": 6})])
def test_an_edited_header_field_is_refused(saved, field, value):
    d, p = saved
    _edit(p, **{field: value})
    with pytest.raises(DamagedCheckpointError, match=f"{field}.*edited or damaged") as e: verify_checkpoint(p)
    assert isinstance(e.value, AEFError) and "ckpt_00000005.eqx" in str(e.value)  # names where the true header is
    with pytest.raises(DamagedCheckpointError): load_checkpoint(p, LIKE)  # a named file never falls back
    with pytest.warns(TrainingWarning, match="Falling back"):
        _, header = load_checkpoint(d, LIKE)
    assert header["step"] == 3


def test_a_renamed_checkpoint_is_refused(saved):
    d, p = saved
    for suffix in (".json", ".eqx"): p.with_suffix(suffix).rename(d / f"ckpt_00000009{suffix}")
    with pytest.raises(DamagedCheckpointError, match="ckpt_00000005"): verify_checkpoint(d / "ckpt_00000009.json")


def test_the_eqx_path_is_checked_against_the_json_header(saved):
    d, p = saved
    _edit(p, step=9)
    with pytest.raises(DamagedCheckpointError, match="step"): verify_checkpoint(p.with_suffix(".eqx"))


def test_checkpoints_written_before_the_checksum_still_load_and_are_still_covered(saved):
    d, p = saved
    _edit(p, bytes=None, sha256=None)  # as written before issue 12: no size, no SHA-256
    got, header = load_checkpoint(p, LIKE)
    assert header["step"] == 5
    np.testing.assert_array_equal(np.asarray(got["layer"].weight), np.asarray(_tree(5)["layer"].weight))
    _edit(p, step=9)
    with pytest.raises(DamagedCheckpointError, match="step"): load_checkpoint(p, LIKE)


def test_an_unchanged_header_verifies(saved):
    d, p = saved
    assert verify_checkpoint(p) == read_header(p) and verify_checkpoint(p)["data_position"] == 5
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_checkpoint(d, LIKE)[1]["step"] == 5


def test_a_header_with_nan_and_nested_values_verifies(tmp_path):  # JSON's NaN is not equal to itself
    p = save_checkpoint(tmp_path, _tree(), {"last_loss": float("nan"), "cfg": {"a": [1, 2.5], "b": None}}, step=1)
    assert verify_checkpoint(p)["cfg"] == {"a": [1, 2.5], "b": None}


@pytest.mark.parametrize("field,value", [("step", 2), ("optimizer", "tree")])  # tree: the layout before "flat"
def test_resume_passes_over_an_edited_header(tmp_path, field, value):  # through fit: on from the last true one
    cfg = TrainConfig(steps=4, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2, keep=5)
    kw = dict(config=cfg, loss_fn=standin_loss, progress=False)
    fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path, **kw)
    newest = latest_checkpoint(tmp_path / "checkpoints")
    assert read_header(newest)["optimizer"] == "flat"
    _edit(newest, **{field: value})
    with pytest.warns(TrainingWarning, match=f"{field}.*edited or damaged"):
        state, hist = fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path, resume=True,
                          **{**kw, "config": dataclasses.replace(cfg, steps=6)})
    assert int(state.step) == 6 and [h["step"] for h in hist] == list(range(1, 7))
    like = eqx.filter_eval_shape(init_state, Standin(key=jax.random.PRNGKey(0)), make_optimizer(cfg))
    assert load_checkpoint(tmp_path / "checkpoints", like)[1]["step"] == 6


def test_load_into_another_model_names_the_recorded_preset(tmp_path):  # G3: the header's preset in the message
    p = save_checkpoint(tmp_path, {"w": jnp.zeros(2)}, meta={"preset": "tiny"}, step=1)
    with pytest.raises(CheckpointError, match="trained with preset 'tiny'"):
        load_checkpoint(p, {"a": jnp.zeros(2), "b": jnp.zeros((3, 3))})


def test_pruning_removes_only_its_own_older_step_checkpoints(tmp_path):  # files it did not write survive
    foreign = {"ckpt_best.eqx": b"a user's best model", "ckpt_best.json": b"{}",                  # other names
               "ckpt_00000001.json": b'{"note": "not a checkpoint"}', "ckpt_00000001.eqx": b"x",  # not our header
               "ckpt_00000002.json": b"not json at all", "ckpt_00000002.eqx": b"x",                 # no header
               "ckpt_00000004.json": json.dumps({"format": "other.tool/1", "step": 4}).encode(),    # another format
               "ckpt_00000004.eqx": b"x",
               "ckpt_00000900.json": b"{}", "ckpt_00000900.eqx": b"x"}                              # numbered above ours
    for name, data in foreign.items(): (tmp_path / name).write_bytes(data)
    renamed = save_checkpoint(tmp_path, _tree(), step=6)            # ours, renamed to step 3: no longer parses as 3
    for s in (".json", ".eqx"): renamed.with_suffix(s).rename(tmp_path / f"ckpt_00000003{s}")
    for k in (10, 20, 30, 40): save_checkpoint(tmp_path, _tree(k), META, step=k, keep=2)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([*foreign, "ckpt_00000003.json", "ckpt_00000003.eqx", "ckpt_00000030.json",
                           "ckpt_00000030.eqx", "ckpt_00000040.json", "ckpt_00000040.eqx"])  # 10 and 20 pruned
    assert all((tmp_path / n).read_bytes() == data for n, data in foreign.items())


def test_pruning_never_removes_the_checkpoint_it_just_wrote(tmp_path):  # another run's newer steps in the folder
    for k in (100, 200): save_checkpoint(tmp_path, _tree(k), META, step=k)
    p = save_checkpoint(tmp_path, _tree(1), META, step=5, keep=1)
    assert p.exists() and p.with_suffix(".eqx").exists() and verify_checkpoint(p)["step"] == 5
    assert (tmp_path / "ckpt_00000100.json").exists() and (tmp_path / "ckpt_00000200.json").exists()
    with pytest.raises(ConfigError, match="keep=0"): save_checkpoint(tmp_path, _tree(), step=6, keep=0)
    for k in (6, 7, 8, 9): save_checkpoint(tmp_path, _tree(k), META, step=k, keep=5)  # fewer than keep: none pruned
    assert [int(p.stem[5:]) for p in sorted(tmp_path.glob("ckpt_*.json"))] == [5, 6, 7, 8, 9, 100, 200]


def test_a_cut_header_without_its_leaves_is_ours_and_damaged(tmp_path):  # was "not an alphaearth_nb checkpoint"
    from alphaearth_nb.checkpoint import is_run, own_checkpoints
    ck = tmp_path / "run" / "checkpoints"
    for k in (10, 20): save_checkpoint(ck, _tree(k), META, step=k)
    cut = ck / "ckpt_00000020.json"
    cut.write_bytes(cut.read_bytes()[:60]); cut.with_suffix(".eqx").unlink()  # a copy cut short: 60 bytes, no leaves
    assert own_checkpoints(ck) == [cut, ck / "ckpt_00000010.json"]
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        state, header = load_checkpoint(ck, LIKE)
    said = [str(w.message) for w in got]
    assert header["step"] == 10 and len(said) == 1 and "cannot read the checkpoint header" in said[0]
    assert "not an alphaearth_nb checkpoint" not in said[0]
    (ck / "ckpt_00000010.json").unlink(); (ck / "ckpt_00000010.eqx").unlink()
    assert is_run(tmp_path / "run")   # its only checkpoint is cut, yet the folder is a run of ours (no marker here)


def test_pruning_removes_damaged_checkpoints_once_older_than_every_kept_one(tmp_path):  # they piled up
    for k in (10, 20, 30): save_checkpoint(tmp_path, _tree(k), META, step=k, keep=5)
    (tmp_path / "ckpt_00000010.eqx").unlink()                                        # 10: its leaves gone
    cut = tmp_path / "ckpt_00000020.json"; cut.write_bytes(cut.read_bytes()[:60])   # 20: its header cut short
    names = lambda: sorted(p.name for p in tmp_path.iterdir())
    save_checkpoint(tmp_path, _tree(40), META, step=40, keep=3)   # 40 and 30 sound: damaged ones count for nothing,
    assert names() == ["ckpt_00000010.json", "ckpt_00000020.eqx", "ckpt_00000020.json",   # and newer than the
                       "ckpt_00000030.eqx", "ckpt_00000030.json", "ckpt_00000040.eqx", "ckpt_00000040.json"]  # oldest kept
    save_checkpoint(tmp_path, _tree(50), META, step=50, keep=3)   # 50, 40, 30 kept: 20 and 10 older than all three
    assert names() == ["ckpt_00000030.eqx", "ckpt_00000030.json", "ckpt_00000040.eqx", "ckpt_00000040.json",
                       "ckpt_00000050.eqx", "ckpt_00000050.json"]


def test_a_run_folder_is_read_through_its_checkpoints_folder(tmp_path):  # read_header's message offers it
    run = tmp_path / "run"
    for k in (3, 5): save_checkpoint(run / "checkpoints", _tree(k), META, step=k)
    assert latest_checkpoint(run) == run / "checkpoints" / "ckpt_00000005.json"   # was None
    state, header = load_checkpoint(run, LIKE)                                   # was "no complete checkpoint ... train first"
    assert header["step"] == 5 and np.array_equal(state["layer"].weight, _tree(5)["layer"].weight)


@pytest.mark.parametrize("kw", [dict(keep="3"), dict(keep=2.5), dict(keep=True), dict(step=1.5), dict(step="7")])
def test_keep_and_step_are_whole_numbers_or_a_config_error(tmp_path, kw):  # keep='3' was a TypeError,
    with pytest.raises(ConfigError, match=f"{next(iter(kw))}=.* is not a whole number"):   # step=1.5 wrote ckpt 1
        save_checkpoint(tmp_path, _tree(), META, **{"step": 4, **kw})
    assert list(tmp_path.iterdir()) == []   # refused before any file


def test_leaves_without_their_header_are_reported_passed_over_and_pruned(tmp_path):  # a crash between the writes
    for k in (5, 10, 20, 30): save_checkpoint(tmp_path, _tree(k), META, step=k, keep=5)
    for k in (5, 30): (tmp_path / f"ckpt_{k:08d}.json").unlink()   # leaves written, header never: orphans
    (tmp_path / "ckpt_00000007.eqx").write_bytes(b"another tool's leaves")  # not ours: never reported or removed
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        state, header = load_checkpoint(tmp_path, LIKE)    # resume's reader: the newest with a header
    said = [str(w.message) for w in got if issubclass(w.category, TrainingWarning)]
    assert header["step"] == 20 and np.array_equal(state["layer"].weight, _tree(20)["layer"].weight)
    assert len(said) == 1 and "ckpt_00000030.eqx" in said[0] and "ckpt_00000005.eqx" in said[0]
    assert "ckpt_00000007" not in said[0] and "head -n 1" in said[0]   # how to mend it, if wanted
    names = lambda: sorted(p.name for p in tmp_path.iterdir())
    save_checkpoint(tmp_path, _tree(40), META, step=40, keep=2)   # 40, 20 kept; 30 (orphan) newer than 20 stays
    assert names() == ["ckpt_00000007.eqx", "ckpt_00000020.eqx", "ckpt_00000020.json", "ckpt_00000030.eqx",
                       "ckpt_00000040.eqx", "ckpt_00000040.json"]
    save_checkpoint(tmp_path, _tree(50), META, step=50, keep=2)   # 50, 40 kept: the orphan goes with the rest
    assert names() == ["ckpt_00000007.eqx", "ckpt_00000040.eqx", "ckpt_00000040.json", "ckpt_00000050.eqx",
                       "ckpt_00000050.json"]


def test_a_folder_of_orphan_leaves_only_says_so(tmp_path):
    save_checkpoint(tmp_path, _tree(3), META, step=3).unlink()
    with pytest.raises(CheckpointError, match=r"ckpt_00000003\.eqx.*no header"): load_checkpoint(tmp_path, LIKE)
    from alphaearth_nb.checkpoint import run_folder
    run = tmp_path / "run"; save_checkpoint(run / "checkpoints", _tree(3), META, step=3).unlink()
    # a resume is refused, naming the mend (was: warned, then trained from step 0 over the leaves: session 38)
    with pytest.raises(DamagedCheckpointError, match=r"ckpt_00000003\.eqx: checkpoint leaves with no header.*head -n 1"):
        with run_folder(run, resume=True): pass
