"An output path that names no output of its own ('' from an unset variable, '.', '..') is refused before any work,"
" in Python and on the command line; nothing is written into the working folder."
import contextlib, io, os

import jax
import pytest

import alphaearth_nb as aef
from alphaearth_nb import testing
from alphaearth_nb.core import ConfigError


@pytest.fixture
def cwd(tmp_path, monkeypatch):
    d = tmp_path / "work"; d.mkdir(); monkeypatch.chdir(d)
    return d


def _emb(): return testing.embedding_from_array(testing.random_unit((4, 4), 1))


@pytest.mark.parametrize("path", ["", " ", ".", "..", "sub/.."])
def test_store_needs_a_name(cwd, path):
    with pytest.raises(ConfigError, match="embeddings.zarr"):   # was OutputExistsError 'written by another writer'
        _emb().aef.to_zarr(path)
    assert sorted(os.listdir(cwd)) == [] and sorted(os.listdir(cwd.parent)) == ["work"]


def test_cog_needs_a_name(cwd):
    with pytest.raises(ConfigError, match="map.tif"):   # was NotOursError naming '.' a non-empty folder
        _emb().aef.to_cog("")


def test_embed_to_zarr_refuses_before_work(cwd, monkeypatch):
    monkeypatch.setattr(aef.embed, "_embed", lambda *a, **k: pytest.fail("embedded before the path was checked"))
    stack = aef.stacks.toy_stack(n_time=2, size=4)
    with pytest.raises(ConfigError, match="empty path"):
        aef.embed.embed_to_zarr(stack, None, 2021, "", progress=False)
    with pytest.raises(ConfigError, match="working folder"):
        aef.embed.embed_to_zarr(stack, None, 2021, ".", progress=False)
    assert os.listdir(cwd) == []


def test_fit_refuses_empty_out(cwd):
    cfg = aef.train.TrainConfig(steps=1, warmup=0, batch_size=8)
    with pytest.raises(ConfigError, match="empty path"):   # was: a run trained into the working folder
        aef.fit(testing.Standin(key=jax.random.PRNGKey(0)), testing.standin_batches, out="", config=cfg,
                loss_fn=testing.standin_loss, progress=False)
    assert os.listdir(cwd) == []


def _cli(*argv):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = aef.cli.main(list(argv))
    return rc, err.getvalue().strip().splitlines()[-1]


@pytest.mark.parametrize("argv", [["train", "--preset", "tiny", "--steps", "1", "--batch-size", "2", "--out", ""],
                                  ["train", "--preset", "tiny", "--steps", "1", "--batch-size", "2", "--texts", "", "--out", "r"],
                                  ["demo", "--steps", "1", "--out", ""],
                                  ["embed", "--checkpoint", "", "--period", "2024", "--out", "e.zarr"],
                                  ["evaluate", "--embeddings", ""]])
def test_cli_refuses_empty_paths(cwd, argv):
    flag = argv[argv.index("") - 1]
    rc, last = _cli(*argv)
    assert rc == 2 and last.startswith(f"aef: error: argument {flag}:") and "empty path" in last, last
    assert os.listdir(cwd) == []


def test_one_empty_path_rule(cwd):
    # files.named_path is the rule local_output and the command's path options both read (were two, worded apart)
    from alphaearth_nb.files import named_path
    with pytest.raises(ConfigError) as e: named_path(" ", "file or folder")
    rc, last = _cli("evaluate", "--embeddings", " ")
    assert rc == 2 and last == f"aef: error: argument --embeddings: {e.value}", last
    with pytest.raises(ConfigError, match=r"^an empty path names no embedding store \(an unset shell variable"):
        aef.files.check_output("", what="embedding store")
