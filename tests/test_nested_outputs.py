"""Nothing lost on disk (kind E): an output written inside another output of ours vanished without a word when that
one was replaced. `to_zarr(store / "inner.zarr")`, `to_cog(store / "map.tif")`, `map_to_cog(...)` and `fit(out=store /
"run")` wrote into an embedding store, and the store's next `overwrite=True` swapped in a fresh folder without them;
`fit(overwrite=True)` removed a run's whole checkpoints/ folder, a map the user had saved there included."""
import jax
import pytest

from alphaearth_nb.core import NotOursError
from alphaearth_nb import files
from alphaearth_nb.testing import Standin, embedding_from_array, random_unit, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit

CFG = TrainConfig(steps=2, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2)


def _fit(out, **kw):
    return fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, config=CFG, loss_fn=standin_loss,
               progress=False, **kw)


def test_outputs_inside_a_store_are_refused(tmp_path):
    e = embedding_from_array(random_unit((6, 5), seed=1))
    st = tmp_path / "emb.zarr"; e.aef.to_zarr(st)
    before = sorted(p.name for p in st.iterdir())
    sim = e.aef.similarity(e.values[0, 0])
    for write in (lambda: e.aef.to_zarr(st / "inner.zarr"), lambda: e.aef.to_cog(st / "map.tif"),
                  lambda: sim.aef.map_to_cog(st / "sub" / "sim.tif"), lambda: _fit(st / "run")):
        with pytest.raises(NotOursError, match=f"inside {st}.*write it beside it|inside {st}.*beside it"): write()
    assert sorted(p.name for p in st.iterdir()) == before
    assert files.inside_ours(st / "a" / "b.tif") == st and files.inside_ours(tmp_path / "x.tif") is None
    e.aef.to_cog(tmp_path / "map.tif")   # beside it: fine


def test_fit_overwrite_keeps_other_files_in_checkpoints(tmp_path):
    _fit(tmp_path / "run")
    e = embedding_from_array(random_unit((6, 5), seed=1))
    e.aef.to_cog(tmp_path / "run" / "checkpoints" / "map.tif")
    _fit(tmp_path / "run", overwrite=True)
    names = sorted(p.name for p in (tmp_path / "run" / "checkpoints").iterdir())
    assert names == ["ckpt_00000002.eqx", "ckpt_00000002.json", "map.tif"]
