"Paths as a notebook user types them: '~/...', a file where a folder must be, a path that is no store (field kinds E, G)."
import jax
import numpy as np
import pytest

from alphaearth_nb import cli, cli_args, exports
from alphaearth_nb.core import MissingDataError, NotOursError, NoValidDataError
from alphaearth_nb.files import check_output, is_ours, user_path
from alphaearth_nb.testing import Standin, embedding_from_array, random_unit, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit, read_metrics


@pytest.fixture
def home(tmp_path, monkeypatch):
    "A fresh home folder (HOME) and a separate working folder, so a literal '~' folder would show."
    h, cwd = tmp_path / "home", tmp_path / "work"
    h.mkdir(); cwd.mkdir()
    monkeypatch.setenv("HOME", str(h)); monkeypatch.chdir(cwd)
    return h, cwd


def _emb(seed=31):
    return embedding_from_array(random_unit((6, 5), seed=seed))


def _only(folder):
    return sorted(p.name for p in folder.iterdir())


def test_tilde_store_lands_in_home_and_reads_back(home):
    h, cwd = home
    e = _emb()
    got = exports.to_zarr(e, "~/maps/a.zarr")
    assert got == h / "maps" / "a.zarr" and is_ours(h / "maps" / "a.zarr") and is_ours("~/maps/a.zarr")
    back = exports.open_zarr("~/maps/a.zarr").values
    np.testing.assert_allclose(back, e.aef.quantize().aef.dequantize().values)
    assert _only(cwd) == [] and _only(h) == ["maps"] and _only(h / "maps") == ["a.zarr"]   # no '~', no leftovers


def test_tilde_cog_and_map_land_in_home(home):
    h, cwd = home
    e = _emb()
    assert exports.to_cog(e, "~/a.tif") == h / "a.tif"
    assert exports.read_cog("~/a.tif").shape == (6, 5, 64)
    sim = e.aef.similarity(e.values[0, 0])
    assert exports.map_to_cog(sim, "~/s.tif") == h / "s.tif" and (h / "s.tif").is_file()
    assert _only(cwd) == [] and _only(h) == ["a.tif", "s.tif"]


def test_tilde_run_folder_lands_in_home(home):
    h, cwd = home
    cfg = TrainConfig(steps=2, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2, keep=5)
    fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out="~/runs/r", config=cfg, loss_fn=standin_loss,
        progress=False)
    assert len(read_metrics(h / "runs" / "r" / "metrics.jsonl")) == 2 and _only(cwd) == []


def test_cli_expands_tilde_after_equals(home):
    h, cwd = home
    (h / "run").mkdir()
    a = cli_args.parser().parse_args(["embed", "--checkpoint=~/run", "--period", "2024", "--out=~/o.zarr"])
    assert a.checkpoint == str(h / "run") and a.out == str(h / "o.zarr")
    a = cli_args.parser().parse_args(["train", "--out=~/r", "--texts=~/t.csv"])
    assert a.out == str(h / "r") and a.texts == str(h / "t.csv")


def test_user_path():
    assert user_path("~/x") == user_path("~").joinpath("x") and not str(user_path("~/x")).startswith("~")
    assert str(user_path("a/~b")) == "a/~b"   # only a leading '~' is the home folder


@pytest.mark.parametrize("write", ["zarr", "cog", "map", "fit"])
def test_file_where_a_folder_must_be(tmp_path, write):
    f = tmp_path / "results"
    f.write_text("my notes")
    target = f / "sub" / "out"
    with pytest.raises(NotOursError, match="results is a file"):
        if write == "zarr": exports.to_zarr(_emb(), target)
        elif write == "cog": exports.to_cog(_emb(), target)
        elif write == "map": exports.map_to_cog(_emb().aef.similarity(_emb().values[0, 0]), target)
        else:
            fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=target, loss_fn=standin_loss, progress=False,
                config=TrainConfig(steps=1, warmup=1, batch_size=8))
    assert f.read_text() == "my notes"
    with pytest.raises(NotOursError): check_output(target, what="store", folder=True)   # before any work


def test_reading_what_is_not_there_or_not_a_store(tmp_path):
    e = _emb()
    cog, store, txt = tmp_path / "a.tif", tmp_path / "a.zarr", tmp_path / "a.txt"
    exports.to_cog(e, cog); exports.to_zarr(e, store); txt.write_text("not a raster")
    (tmp_path / "empty").mkdir()
    for bad, reader, words in [(tmp_path / "nope.zarr", exports.open_zarr, "does not exist"),
                               (tmp_path / "nope.tif", exports.read_cog, "does not exist"),
                               (cog, exports.open_zarr, "not a zarr store"),
                               (txt, exports.open_zarr, "not a zarr store"),
                               (store, exports.read_cog, "is a folder"),
                               (txt, exports.read_cog, "cannot read"),
                               (tmp_path / "empty", lambda p: exports.open_zarr(p, check=False), "not a zarr store")]:
        with pytest.raises(MissingDataError, match=words):
            reader(bad)


# ---- a selection that left nothing, and reads that name what is wrong (field kind G)
@pytest.mark.parametrize("op", ["similarity point", "classify", "cluster", "rgb", "to_cog", "to_zarr"])
def test_a_reversed_sel_slice_is_named(tmp_path, op):
    "`sel(y=slice(south, north))` on a north-up map gives 0 rows: our error names the slice order (was numpy's)."
    import pandas as pd
    from alphaearth_nb.core import EmptyStackError
    e = _emb()
    w = e.sel(y=slice(float(e.y.min()), float(e.y.max())))
    assert w.sizes["y"] == 0
    pts = pd.DataFrame({"x": e.x.values[[1, 3]], "y": e.y.values[[1, 3]], "label": [1, 2]})
    with pytest.raises(EmptyStackError, match=r"no pixel along `y`.*slice\(north, south\)"):
        {"similarity point": lambda: w.aef.similarity((float(e.x[1]), float(e.y[1]))),
         "classify": lambda: w.aef.classify(pts, k=1), "cluster": lambda: w.aef.cluster(2),
         "rgb": lambda: w.aef.rgb(), "to_cog": lambda: exports.to_cog(w, tmp_path / "a.tif"),
         "to_zarr": lambda: exports.to_zarr(w, tmp_path / "a.zarr")}[op]()


def test_cluster_of_an_all_nan_map_does_not_say_lower_k():
    e = _emb().where(False)
    with pytest.raises(NoValidDataError, match="holds no data") as err:   # gate.refuse_no_data (session 47)
        e.aef.cluster(3)
    assert "lower k" not in str(err.value)


def test_stac_item_and_overview_reads_name_the_fix(tmp_path):
    from alphaearth_nb.core import ConfigError
    pytest.importorskip("pystac")
    with pytest.raises(MissingDataError, match="does not exist"):
        exports.stac_item(tmp_path / "nope.tif")
    exports.to_cog(_emb(), tmp_path / "a.tif")          # 6 x 5 pixels: no overview level
    with pytest.raises(ConfigError, match="0 overview levels.*None for the full resolution"):
        exports.read_cog(tmp_path / "a.tif", overview=2)
    big = embedding_from_array(random_unit((300, 300), seed=3))
    exports.to_cog(big, tmp_path / "b.tif", blocksize=128)
    import rasterio
    with rasterio.open(tmp_path / "b.tif") as f: n = len(f.overviews(1))
    assert n >= 1
    with pytest.raises(ConfigError, match=rf"{n} overview level.*overview=0..{n - 1}"):
        exports.read_cog(tmp_path / "b.tif", overview=5)
    assert exports.read_cog(tmp_path / "b.tif", overview=0).sizes["y"] == 150


@pytest.mark.parametrize("path", ["runs/r1", "~/runs/r1/checkpoints/ckpt_00000200.json"])
def test_a_checkpoint_path_where_a_model_goes(path):
    "embed(stack, 'runs/r1', 2024): the message names load_model (was 'a model with cfg.stp.patch ... AlphaEarth(...)')."
    from pathlib import Path
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.embed import model_spec
    for p in (path, Path(path)):
        with pytest.raises(ConfigError, match=r"is the path .*load_model\(path\)"):
            model_spec(p)


# --- E18-2: a bucket URL as an output is refused before any work, never written to a local folder named 'gs:' -------
@pytest.mark.parametrize("url,upload", [("gs://my-bucket/emb.zarr", "gcloud storage cp -r emb.zarr gs://my-bucket/emb.zarr"),
                                        ("s3://my-bucket/maps/emb.zarr", "aws s3 cp --recursive emb.zarr s3://"),
                                        ("az://box/emb.zarr", "azcopy copy"), ("file:///tmp/x/emb.zarr", "copy tool")])
def test_url_outputs_are_refused_naming_the_upload(home, url, upload):
    from alphaearth_nb.core import RemoteOutputError
    from alphaearth_nb.embed import embed_to_zarr
    h, cwd = home
    e = _emb()
    with pytest.raises(RemoteOutputError, match=r"is a URL: .*local path only .*nothing was written") as x:
        exports.to_zarr(e, url)
    assert upload in str(x.value)
    with pytest.raises(RemoteOutputError): embed_to_zarr(None, None, 2024, url)   # before any work: no stack read
    assert _only(cwd) == [] and _only(h) == []   # no 'gs:' folder, nothing beside


@pytest.mark.parametrize("write", [lambda e, p: exports.to_cog(e, p), lambda e, p: exports.map_to_cog(e[..., 0], p),
                                   lambda e, p: check_output(p)])
def test_url_files_are_refused(home, write):
    from alphaearth_nb.core import RemoteOutputError
    h, cwd = home
    with pytest.raises(RemoteOutputError, match=r"aws s3 cp emb\.tif s3://b/emb\.tif"): write(_emb(), "s3://b/emb.tif")
    with pytest.raises(RemoteOutputError, match="GDAL virtual path"): write(_emb(), "/vsis3/b/emb.tif")
    assert _only(cwd) == [] and _only(h) == []


def test_url_run_folder_and_cli_out_are_refused(home, capsys):
    from alphaearth_nb.core import RemoteOutputError
    h, cwd = home
    cfg = TrainConfig(steps=2, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2, keep=5)
    with pytest.raises(RemoteOutputError, match="training run"):
        fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out="gs://b/runs/r", config=cfg,
            loss_fn=standin_loss, progress=False)
    assert cli.main(["embed", "--checkpoint", str(h), "--period", "2024", "--out", "gs://b/o.zarr"]) == 2
    assert "gcloud storage cp -r o.zarr gs://b/o.zarr" in capsys.readouterr().err
    assert _only(cwd) == [] and not [p for p in _only(h) if p != ".cache"]   # (the CLI's compile cache may start)


def test_tilde_in_the_checkpoint_readers(home):   # E18-3's rest: latest_checkpoint('~/run/checkpoints') was None
    from alphaearth_nb.checkpoint import checkpoints, is_run, latest_checkpoint, load_checkpoint, read_header
    h, cwd = home
    cfg = TrainConfig(steps=2, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=1, keep=5)
    state, _ = fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out="~/run", config=cfg,
                   loss_fn=standin_loss, progress=False)
    assert is_run("~/run") and len(checkpoints("~/run/checkpoints")) == 2
    newest = latest_checkpoint("~/run/checkpoints")
    assert newest == h / "run" / "checkpoints" / "ckpt_00000002.json"
    assert read_header(str(newest).replace(str(h), "~"))["step"] == 2
    got, header = load_checkpoint("~/run/checkpoints", state)
    assert header["step"] == 2 and _only(cwd) == []


def test_tilde_in_the_scene_and_site_readers(home):
    import shutil
    from alphaearth_nb.scene import DEFAULT_DIR, load_scene
    h, cwd = home
    shutil.copytree(DEFAULT_DIR, h / "scene")
    stack, texts, labels = load_scene("~/scene")
    assert "sentinel2" in stack.children and _only(cwd) == []


def test_a_run_folder_as_an_output_is_named(tmp_path):   # G18 note: was 'a folder that alphaearth_nb did not write'
    cfg = TrainConfig(steps=2, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2, keep=5)
    fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "run", config=cfg, loss_fn=standin_loss,
        progress=False)
    before = sorted(p.name for p in (tmp_path / "run").iterdir())
    with pytest.raises(NotOursError, match=r"run is a training run folder .*left alone.*write the embedding store "
                                           r"to a new or empty folder") as e:
        _emb().aef.to_zarr(tmp_path / "run", overwrite=True)
    assert "did not write" not in str(e.value)
    assert sorted(p.name for p in (tmp_path / "run").iterdir()) == before   # the run kept


@pytest.mark.parametrize("write", [lambda e, p: exports.to_zarr(e, p), lambda e, p: exports.to_cog(e, p / "emb.tif"),
                                   lambda e, p: check_output(p)])
def test_a_url_in_a_path_is_refused_as_a_url(home, write):   # E18-2 through pathlib: Path('gs://b/x') is 'gs:/b/x'
    from pathlib import Path
    from alphaearth_nb.core import RemoteOutputError
    h, cwd = home
    with pytest.raises(RemoteOutputError, match=r"gs://my-bucket/emb\.zarr.* is a URL: .*nothing was written"):
        write(_emb(), Path("gs://my-bucket/emb.zarr"))            # was written to ./gs:/my-bucket/emb.zarr
    assert _only(cwd) == [] and _only(h) == []
    from alphaearth_nb.files import is_remote, remote_url
    assert remote_url(Path("gs://b/x.tif")) == "gs://b/x.tif" and remote_url(Path("/vsis3/b/x.tif")) == "/vsis3/b/x.tif"
    assert not any(is_remote(p) for p in ("C:/data/x.tif", Path("runs/a"), "a:b/c", "/data/gs:/x"))  # local paths


def test_embed_to_zarr_returns_the_expanded_path(home, embed_standin):   # as to_zarr returns it; was '~/e.zarr'
    from alphaearth_nb.embed import embed_to_zarr
    h, cwd = home
    st = embed_standin.make_stack(8, 8)
    got = embed_to_zarr(st, embed_standin.model_on(st), 2024, "~/e.zarr", progress=False)
    assert got == h / "e.zarr" and is_ours(h / "e.zarr") and _only(cwd) == [], got


def test_read_metrics_reads_a_home_path(home):   # was []: '~/run/metrics.jsonl' looked for under the working folder
    h, _ = home
    (h / "run").mkdir()
    (h / "run" / "metrics.jsonl").write_text('{"step": 1, "loss": 0.5}\n')
    assert read_metrics("~/run/metrics.jsonl") == [{"step": 1, "loss": 0.5}]


def test_mirror_folders_under_home(home, monkeypatch):   # was: a folder named '~' in the working folder
    from alphaearth_nb.mirrors import build_local_mirror, cache_dir
    h, cwd = home
    assert cache_dir("~/cache") == h / "cache" and (h / "cache").is_dir()
    monkeypatch.setenv("AEF_CACHE", "~/aef")
    assert cache_dir() == h / "aef" and _only(cwd) == []
    try: m = build_local_mirror("~/m", years=(2024,), size=32)
    except (MissingDataError, ImportError) as e: pytest.skip(f"no shared data or extra: {e}")
    assert str(m.root).startswith(str(h)) and _only(cwd) == [], m.root


def test_shared_data_folder_under_home(home, monkeypatch):   # was MissingDataError for a folder that exists
    from alphaearth_nb.readers import shared_data_dir, _find
    h, _ = home
    (h / "data" / "eolearn_patch").mkdir(parents=True)
    assert shared_data_dir("~/data") == h / "data"
    monkeypatch.setenv("AEF_SHARED_DATA", "~/data")
    assert shared_data_dir() == h / "data" and _find(None, "eolearn_patch") == h / "data" / "eolearn_patch"
    assert _find("~/data/eolearn_patch", "x") == h / "data" / "eolearn_patch"


@pytest.mark.parametrize("content", ["not a raster", ""], ids=["text", "empty"])
@pytest.mark.parametrize("reader", ["read_cog", "stac_item", "open_tile", "read_official_tiff"])
def test_every_raster_reader_words_a_file_gdal_cannot_open_alike(tmp_path, reader, content):
    """A file that is there but no raster (a text file, an empty one) is `MissingDataError` naming the file and the
    fix in every reader that opens it with rasterio / rioxarray, as `read_cog` words it (files.unreadable_raster).
    Was: rasterio's RasterioIOError from stac_item and read_official_tiff, MirrorError 'check the network' from
    open_tile."""
    pytest.importorskip("rioxarray"); pytest.importorskip("pystac")
    from alphaearth_nb import embeddings, mirrors, stores
    bad = tmp_path / "x.txt"; bad.write_text(content)
    call = {"read_cog": exports.read_cog, "stac_item": stores.stac_item, "open_tile": mirrors.open_tile,
            "read_official_tiff": embeddings.read_official_tiff}[reader]
    with pytest.raises(MissingDataError, match=r"cannot read .*x\.txt as a GeoTIFF \(.*\): pass a \.tif written by "
                                               r"`to_cog` or downloaded from the official mirror\.$"):
        call(bad)
