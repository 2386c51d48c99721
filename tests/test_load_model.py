"""`train.load_model` of a run folder skips a damaged or edited newest checkpoint (with a warning naming it), as
`checkpoint.load_checkpoint(folder)` does; a damaged checkpoint named explicitly still raises."""
import json
import shutil

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb.core import AEFError, CheckpointError, DamagedCheckpointError, TrainingWarning
from alphaearth_nb.train import TrainConfig, fit, load_model


def _arrays(m): return [np.asarray(x) for x in jax.tree.leaves(eqx.filter(m, eqx.is_array))]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    "A `tiny` run of 2 steps with a checkpoint after each; a cheap loss that still moves the first weights."
    def cheap(model, batch, key):  # the checkpoints and the reload are tested, not AlphaEarth's loss
        w = jax.tree.leaves(eqx.filter(model, eqx.is_inexact_array))[0]
        return jnp.sum(w * w) + batch["x"].mean(), {}
    batches = ({"x": np.ones((1, 2), np.float32)} for _ in iter(int, 1))
    out = tmp_path_factory.mktemp("run")
    fit("tiny", batches, out=out, config=TrainConfig(steps=2, warmup=0, batch_size=1, peak_lr=1e-2, checkpoint_every=1),
        loss_fn=cheap, progress=False)
    return out


@pytest.fixture
def copy(run, tmp_path):
    "A copy of the run to damage, and the weights of its two checkpoints, each loaded by its file name."
    d = shutil.copytree(run, tmp_path / "run")
    ck = d / "checkpoints"
    old, new = (load_model(ck / f"ckpt_{s:08d}.json") for s in (1, 2))
    assert any(not np.array_equal(a, b) for a, b in zip(_arrays(old), _arrays(new)))  # the steps are told apart
    return d, old, new


def _damage(p, how):
    "Flip one byte of the leaves (a damaged copy) or edit the header (a hand edit)."
    if how == "leaves":
        e = p.with_suffix(".eqx"); b = bytearray(e.read_bytes()); b[-5] ^= 0xFF; e.write_bytes(bytes(b))
    else:
        h = json.loads(p.read_text()); h["data_position"] = 0; p.write_text(json.dumps(h))


@pytest.mark.parametrize("how", ["leaves", "header"])
@pytest.mark.parametrize("where", ["", "checkpoints"])
def test_a_damaged_newest_checkpoint_falls_back_to_the_older_one(copy, how, where):
    d, old, new = copy
    np.testing.assert_array_equal(_arrays(load_model(d / where))[0], _arrays(new)[0])  # intact: the newest
    _damage(d / "checkpoints" / "ckpt_00000002.json", how)
    with pytest.warns(TrainingWarning, match="ckpt_00000002.*Falling back"):
        m = load_model(d / where)
    for a, b in zip(_arrays(m), _arrays(old)): np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("how", ["leaves", "header"])
def test_a_damaged_checkpoint_named_explicitly_raises(copy, how):
    d, _, _ = copy
    p = d / "checkpoints" / "ckpt_00000002.json"
    _damage(p, how)
    for named in (p, p.with_suffix(".eqx")):
        with pytest.raises(DamagedCheckpointError, match="load an older checkpoint"): load_model(named)


def test_every_checkpoint_damaged_is_one_clear_error(copy):
    d, _, _ = copy
    for s in (1, 2): _damage(d / "checkpoints" / f"ckpt_{s:08d}.json", "leaves")
    with pytest.raises(DamagedCheckpointError, match="every checkpoint in") as e:
        load_model(d)
    assert isinstance(e.value, AEFError) and "copy it again" in str(e.value)


def test_a_run_without_checkpoints_says_train_first(tmp_path):
    (tmp_path / "checkpoints").mkdir()
    with pytest.raises(CheckpointError, match="train first"): load_model(tmp_path)


@pytest.mark.filterwarnings("ignore::alphaearth_nb.core.ExtrapolationWarning")  # a year over a toy stack of months
@pytest.mark.filterwarnings("ignore:Object at .aef-complete")  # zarr on our completion marker
def test_aef_embed_checkpoint_run_falls_back(copy, tmp_path, capsys):
    """`aef embed --checkpoint run/` goes through `load_model`: it embeds with the older checkpoint, and a damaged
    checkpoint file named on the command line is a one-line error, exit 2."""
    import xarray as xr
    from alphaearth_nb.cli import main
    from alphaearth_nb.stacks import toy_stack
    d, _, _ = copy
    toy_stack(size=8).to_zarr(tmp_path / "st.zarr", consolidated=False)
    _damage(d / "checkpoints" / "ckpt_00000002.json", "leaves")
    argv = ["embed", "--period", "2021", "--data", str(tmp_path / "st.zarr")]
    code = main(argv + ["--checkpoint", str(d / "checkpoints" / "ckpt_00000002.json"), "--out", str(tmp_path / "a")])
    err = capsys.readouterr().err
    assert code == 2 and "is damaged" in err and "load an older checkpoint" in err, err
    assert len(err.strip().splitlines()) == 1, err
    with pytest.warns(TrainingWarning, match="ckpt_00000002"):
        assert main(argv + ["--checkpoint", str(d), "--out", str(tmp_path / "o.zarr")]) == 0
    out = xr.open_dataarray(tmp_path / "o.zarr", engine="zarr", consolidated=False)
    assert out.shape[:2] == (8, 8) and np.isfinite(out.values).all()


@pytest.mark.parametrize("foreign", [{"format": "lightning-2", "step": 3, "epoch": 1}, [1, 2, 3]])
@pytest.mark.parametrize("with_leaves", [True, False])
def test_a_newest_checkpoint_not_ours_is_skipped_naming_it(copy, foreign, with_leaves):
    "A newer ckpt_*.json of another tool (or a JSON list) beside ours was CheckpointError 'not an alphaearth_nb ...'."
    d, old, new = copy
    p = d / "checkpoints" / "ckpt_00000003.json"
    p.write_text(json.dumps(foreign))
    if with_leaves: p.with_suffix(".eqx").write_bytes(json.dumps(foreign).encode() + b"\nnot our leaves")
    with pytest.warns(TrainingWarning, match="ckpt_00000003.json is not an alphaearth_nb checkpoint"):
        m = load_model(d)
    for a, b in zip(_arrays(m), _arrays(new)): np.testing.assert_array_equal(a, b)   # the newest of ours


def test_a_folder_of_only_foreign_checkpoints_says_so(tmp_path):
    ck = tmp_path / "checkpoints"; ck.mkdir()
    for s in (1, 2):
        (ck / f"ckpt_{s:08d}.json").write_text(json.dumps({"format": "other", "step": s}))
        (ck / f"ckpt_{s:08d}.eqx").write_bytes(b'{"format": "other"}\n')
    with pytest.warns(TrainingWarning), pytest.raises(CheckpointError, match="no alphaearth_nb checkpoint in") as e:
        load_model(tmp_path)
    assert not isinstance(e.value, DamagedCheckpointError) and "ckpt_00000001.json, ckpt_00000002.json" in str(e.value)


# --- G18-2: a folder the package wrote that is not a run says what it is and what to pass ---------------------------
@pytest.mark.filterwarnings("ignore:Object at .aef-complete")
def test_an_embedding_store_is_named_not_a_run(tmp_path, capsys):
    from alphaearth_nb.cli import main
    from alphaearth_nb.core import NotOursError
    from alphaearth_nb.testing import embedding_from_array, random_unit
    from alphaearth_nb.testing import Standin, standin_batches, standin_loss
    store = tmp_path / "emb.zarr"
    embedding_from_array(random_unit((4, 5), seed=1)).aef.to_zarr(store)
    with pytest.raises(CheckpointError, match=r"emb\.zarr is an embedding store .*not a run folder: pass the folder "
                                              r"given to `aef\.fit\(out=\.\.\.\)` / `aef train --out`") as e:
        load_model(store)
    assert "train first" not in str(e.value)
    code = main(["embed", "--period", "2021", "--data", str(store), "--checkpoint", str(store),
                 "--out", str(tmp_path / "o.zarr")])     # the CLI reads --checkpoint through load_model
    err = capsys.readouterr().err
    assert code == 2 and "is an embedding store" in err, err
    cfg = TrainConfig(steps=2, warmup=1, batch_size=8, checkpoint_every=1)
    with pytest.raises(NotOursError, match="is an embedding store"):   # nor is it a run's folder to write into
        fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=store, config=cfg, loss_fn=standin_loss,
            progress=False, overwrite=True)
    assert (store / "zarr.json").is_file() or (store / ".zgroup").is_file()   # left alone


def test_a_demo_folder_names_its_run(tmp_path):
    from alphaearth_nb.files import writing_folder
    demo = tmp_path / "demo"
    with writing_folder(demo, what="demo", meta={"kind": "demo"}) as tmp:
        (tmp / "run").mkdir(); (tmp / "run" / ".aef-run").write_text("{}")
    with pytest.raises(CheckpointError, match=r"is an `aef demo` folder.*here: `.*demo/run`"): load_model(demo)


def test_a_zarr_store_not_ours_is_named(tmp_path):
    import xarray as xr
    xr.Dataset({"a": ("x", np.arange(3.0))}).to_zarr(tmp_path / "other.zarr", consolidated=False)
    with pytest.raises(CheckpointError, match=r"other\.zarr is a zarr store, not a run folder"):
        load_model(tmp_path / "other.zarr")


def test_a_folder_of_headerless_leaves_names_them_why_and_the_fix(tmp_path, capsys):
    """Leaves whose header (.json, written last) never came: `load_model` said "no complete checkpoint ... train
    first" without naming them; now it lists them, says why they cannot be loaded and how to mend the newest."""
    from alphaearth_nb.checkpoint import save_checkpoint
    from alphaearth_nb.cli import main
    ck = tmp_path / "run" / "checkpoints"
    for s in (3, 6): save_checkpoint(ck, {"w": np.ones(2, np.float32)}, {"preset": "tiny"}, step=s).unlink()
    (ck / "model.eqx").write_bytes(b"\x00leaves without our header")   # e.g. eqx.tree_serialise_leaves of the user's
    for where in (tmp_path / "run", ck):
        with pytest.raises(CheckpointError) as e: load_model(where)
        said = str(e.value)
        assert "ckpt_00000003.eqx" in said and "ckpt_00000006.eqx" in said and "no header" in said, said
        assert "stopped between" in said and "head -n 1 ckpt_00000006.eqx > ckpt_00000006.json" in said, said
        assert "model.eqx" in said and "eqx.tree_deserialise_leaves" in said, said   # not ours: named, with its reader
    code = main(["embed", "--checkpoint", str(tmp_path / "run"), "--period", "2024", "--out", str(tmp_path / "e.zarr")])
    err = capsys.readouterr().err
    assert code == 2 and "ckpt_00000006.eqx" in err and "head -n 1" in err, err
