"""Settings that arrive as text (a YAML/JSON file, the command line, papermill) are refused, named, before any work:
`overwrite="no"` is true in Python and replaced the run or store it meant to keep (kind E); `TrainConfig(bf16="False")`
trained in bfloat16 and `peak_lr="1e-4"` (YAML 1.1's reading) failed in a comparison (kind F/G). A checkpoint header
with config fields this version lacks is a `ConfigError` naming them, not a TypeError (kind G)."""
import json

import jax
import numpy as np
import pytest

from alphaearth_nb import model as aef_model
from alphaearth_nb.checkpoint import jsonable
from alphaearth_nb.core import ConfigError, FileWarning
from alphaearth_nb.exports import open_zarr
from alphaearth_nb.testing import Standin, embedding_from_array, random_unit, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit, model_config, read_metrics

CFG = TrainConfig(steps=4, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2)


def _fit(out, **kw):
    return fit(Standin(key=jax.random.PRNGKey(0)), kw.pop("data", standin_batches), out=out, config=CFG,
               loss_fn=standin_loss, progress=False, **kw)


@pytest.mark.parametrize("text", ["no", "False", "0", ""])
def test_overwrite_as_text_keeps_the_store(tmp_path, text):
    old = embedding_from_array(random_unit((6, 5), seed=1))
    old.aef.to_zarr(tmp_path / "s.zarr"); kept = open_zarr(tmp_path / "s.zarr").values
    new = embedding_from_array(random_unit((6, 5), seed=2))
    with pytest.raises(ConfigError, match="overwrite=True or overwrite=False"):
        new.aef.to_zarr(tmp_path / "s.zarr", overwrite=text)
    np.testing.assert_array_equal(open_zarr(tmp_path / "s.zarr").values, kept)
    old.aef.to_cog(tmp_path / "e.tif"); before = (tmp_path / "e.tif").read_bytes()
    with pytest.raises(ConfigError, match="count as true"):
        new.aef.to_cog(tmp_path / "e.tif", overwrite=text)
    sim = new.aef.similarity(new.values[0, 0])
    with pytest.raises(ConfigError): sim.aef.map_to_cog(tmp_path / "e.tif", overwrite=text)
    assert (tmp_path / "e.tif").read_bytes() == before


def test_run_flags_as_text_keep_the_run(tmp_path):
    _fit(tmp_path / "run"); metrics = (tmp_path / "run" / "metrics.jsonl").read_text()
    for kw in ({"overwrite": "no"}, {"overwrite": "False"}, {"resume": "False"}, {"overwrite": 0.0}):
        with pytest.raises(ConfigError, match=f"{next(iter(kw))}="):
            _fit(tmp_path / "run", data=lambda p: standin_batches(p, seed=3), **kw)
    assert (tmp_path / "run" / "metrics.jsonl").read_text() == metrics
    _fit(tmp_path / "run", overwrite=np.bool_(True), data=lambda p: standin_batches(p, seed=3))  # numpy's bool is one
    assert (tmp_path / "run" / "metrics.jsonl").read_text() != metrics


def test_train_config_types():
    assert TrainConfig(bf16=np.bool_(True)).bf16 is True
    with pytest.raises(ConfigError, match="bf16='False' is not True or False"): TrainConfig(bf16="False")
    with pytest.raises(ConfigError, match=r"peak_lr='1e-4' is not a number: pass e\.g\. peak_lr=0\.0001 \(.*YAML 1\.1"):
        TrainConfig(peak_lr="1e-4")
    with pytest.raises(ConfigError, match="batch_size=8.5 is not a whole number"): TrainConfig(batch_size=8.5)
    with pytest.raises(ConfigError, match="clip_norm='1'"): TrainConfig(clip_norm="1")
    c = TrainConfig(steps=1e5, warmup=np.int64(10), peak_lr=np.float32(1e-3))
    assert (type(c.steps), c.steps, type(c.warmup), type(c.peak_lr)) == (int, 100_000, int, float)
    assert TrainConfig(clip_norm=None).clip_norm is None


def test_fit_counts_as_text(tmp_path):
    with pytest.raises(ConfigError, match=r"steps='4' is not a whole number: pass e\.g\. steps=\d+ \(text is not read"):
        _fit(None, steps="4")
    with pytest.raises(ConfigError, match="seed="): _fit(None, seed=1.5)
    _, hist = _fit(tmp_path / "r", steps=3.0)   # a float without a fraction is the count
    assert [h["step"] for h in read_metrics(tmp_path / "r" / "metrics.jsonl")] == [1, 2, 3] == [h["step"] for h in hist]


def _header(edit):
    model = json.loads(json.dumps(jsonable({"model": aef_model.preset("tiny")})))["model"]
    edit(model)
    return {"model": model}


def test_model_config_of_a_newer_checkpoint():
    assert model_config(_header(lambda m: None)) == aef_model.preset("tiny")
    with pytest.raises(ConfigError, match=r"checkpoint's model config holds \['new_knob'\].*newer version"):
        model_config(_header(lambda m: m.update(new_knob=1)))
    with pytest.raises(ConfigError, match=r"model.stp config holds \['gate'\]"):
        model_config(_header(lambda m: m["stp"].update(gate=True)))


def test_model_config_of_an_older_checkpoint():
    with pytest.warns(FileWarning, match=r"has no \['kappa'\].*defaults \{'kappa'"):
        cfg = model_config(_header(lambda m: m.pop("kappa")))
    assert cfg.kappa == aef_model.ModelConfig.__dataclass_fields__["kappa"].default


def test_embed_and_export_flags_as_text(tmp_path):
    "allow_missing='False' let a stack without a source the model reads pass; int8/quantized='False' wrote codes."
    from alphaearth_nb import AlphaEarth, preset
    from alphaearth_nb.embed import embed, embed_to_zarr
    from alphaearth_nb.stacks import toy_stack
    model = AlphaEarth(preset("tiny"), key=jax.random.key(0))
    stack = toy_stack(n_time=4, size=32); stack = stack.drop_nodes([n for n in stack.children if n != "sentinel2"])
    for kw in ({"allow_missing": "False"}, {"lazy": "no"}, {"batch_size": "8"}, {"support_days": "365"},
               {"frame_bucket": "8"}, {"chunks": 64.5}, {"max_days": "730"}, {"frame_bucket": 0}, {"support_days": -5}):
        with pytest.raises(ConfigError, match=f"{next(iter(kw))}="): embed(stack, model, 2021, progress=False, **kw)
    with pytest.raises(ConfigError, match="int8='False'"):
        embed_to_zarr(stack, model, 2021, tmp_path / "e.zarr", int8="False", progress=False)
    assert not (tmp_path / "e.zarr").exists()
    e = embedding_from_array(random_unit((6, 5), seed=1))
    with pytest.raises(ConfigError, match="quantized='False'"): e.aef.to_zarr(tmp_path / "s.zarr", quantized="False")
    with pytest.raises(ConfigError, match="overviews='no'"): e.aef.to_cog(tmp_path / "e.tif", overviews="no")
    assert not (tmp_path / "s.zarr").exists() and not (tmp_path / "e.tif").exists()


def test_each_setting_is_read_by_its_own_annotation():   # review item 8: unknown types fell to `real`
    import dataclasses
    @dataclasses.dataclass(frozen=True)
    class Named(TrainConfig):
        name: "str" = "run"           # a text setting (as a later field may be): as given, not 'not a number'
        every: "int | None" = None    # an optional count: None stays None, a value is a whole number
    assert Named(name="b2").name == "b2" and Named().every is None and Named(every=4.0).every == 4
    with pytest.raises(ConfigError, match="every=2.5 is not a whole number"): Named(every=2.5)
    c = TrainConfig(clip_norm=np.float32(0.5))
    assert type(c.clip_norm) is float and TrainConfig().clip_norm is None
    with pytest.raises(ConfigError, match="clip_norm='1' is not a number"): TrainConfig(clip_norm="1")


def test_resume_with_fewer_steps_than_done(tmp_path):
    "steps counts the whole run: steps=2 on a run at step 4 (meant: 2 more) trained nothing and said nothing."
    _fit(tmp_path / "run"); metrics = (tmp_path / "run" / "metrics.jsonl").read_text()
    with pytest.raises(ConfigError, match="holds a run at step 4, past steps=2: .*pass steps=6 to train 2 more"):
        _fit(tmp_path / "run", resume=True, steps=2)
    assert (tmp_path / "run" / "metrics.jsonl").read_text() == metrics
    state, _ = _fit(tmp_path / "run", resume=True, steps=6)  # the fix named trains 2 more
    assert int(state.step) == 6 and [h["step"] for h in read_metrics(tmp_path / "run" / "metrics.jsonl")] == list(range(1, 7))
