"Every store and COG the package writes from its own model names that model, and years of two models are refused."
import equinox as eqx
import jax
import pytest

from alphaearth_nb.core import SameMapError

from alphaearth_nb.analysis import change
from alphaearth_nb.core import MixedModelsError
from alphaearth_nb.cubes import join_years, yearly_change
from alphaearth_nb.embed import embed, embed_to_zarr, model_id
from alphaearth_nb.exports import open_zarr, read_cog, to_cog, to_zarr


@pytest.fixture(scope="module")
def two(embed_standin):
    "A small stack, a stand-in model and the same model one step of training later (its weights moved)."
    stack = embed_standin.make_stack(16, 16)
    m1 = embed_standin.model_on(stack)
    m2 = jax.tree_util.tree_map(lambda a: a + 0.01 if eqx.is_inexact_array(a) else a, m1)
    return stack, m1, m2


def test_stores_and_cogs_keep_the_model(two, tmp_path):
    "embed_to_zarr wrote no model (open_zarr read `embedding:model` None), so nothing could compare two stores."
    stack, m1, m2 = two
    me = model_id(m1)
    assert me.startswith("alphaearth_nb ") and "sha256:" in me and me == model_id(m1) != model_id(m2)
    e = open_zarr(embed_to_zarr(stack, m1, 2024, tmp_path / "a.zarr", progress=False))
    assert e.attrs["embedding:model"] == me, e.attrs
    assert embed(stack, m1, 2024, progress=False).attrs["embedding:model"] == me
    assert open_zarr(to_zarr(e, tmp_path / "b.zarr")).attrs["embedding:model"] == me   # round trip
    assert read_cog(to_cog(e, tmp_path / "a.tif", overviews=False)).attrs["embedding:model"] == me
    hand = e.copy(); hand.attrs = {"crs": e.attrs["crs"]}   # no model of its own: none recorded
    assert "embedding:model" not in open_zarr(to_zarr(hand, tmp_path / "c.zarr")).attrs   # unknown: none recorded (was the official product)
    assert "embedding:model" not in read_cog(to_cog(hand, tmp_path / "h.tif", overviews=False)).attrs


def test_years_of_two_models_are_refused(two, tmp_path):
    "change() of two checkpoints' stores gave the models' difference as the land's change, without a word."
    stack, m1, m2 = two
    a = open_zarr(embed_to_zarr(stack, m1, 2024, tmp_path / "a.zarr", progress=False))
    b = open_zarr(embed_to_zarr(stack, m2, 2024, tmp_path / "b.zarr", progress=False))
    with pytest.raises(MixedModelsError, match="two models") as e: change(a, b)
    assert model_id(m1) in str(e.value) and model_id(m2) in str(e.value) and "one checkpoint" in str(e.value)
    with pytest.raises(MixedModelsError): change(a, read_cog(to_cog(b, tmp_path / "b.tif", overviews=False)))
    with pytest.raises(SameMapError): change(a, a)   # one model: past the model check (the same map twice)
    hand = b.copy(); hand.attrs = {"crs": b.attrs["crs"]}       # no model recorded (older stores): passes
    assert change(a, hand).shape == (16, 16)
    with pytest.raises(MixedModelsError, match="the years come from two models"): join_years([a, a, b], [2022, 2023, 2024])
    bare = a.copy(); bare.attrs = {k: v for k, v in a.attrs.items() if not k.startswith("period_")}   # one map, no year
    cube = join_years([bare, bare, bare], [2022, 2023, 2024])   # (a, recording 2024, is refused as 2022: its own year)
    assert cube.dims == ("time", "y", "x", "band") and cube.attrs["embedding:model"] == model_id(m1)
    assert list(cube.time.dt.year.values) == [2022, 2023, 2024]
    assert float(yearly_change(cube)["distance"].max()) < 1e-5


def test_join_years_reads_the_years_embed_recorded(two, tmp_path):
    stack, m1, _ = two
    a = embed(stack, m1, 2024, progress=False)
    from alphaearth_nb.core import TimeError
    with pytest.raises(TimeError, match="repeat"): join_years([a, a])   # both record 2024
    b = a.copy(); b.attrs = {**a.attrs, "period_start": "2025-01-01T00:00:00"}
    assert list(join_years([a, b]).time.dt.year.values) == [2024, 2025]


def test_join_years_reads_years_by_the_one_year_rule(two):
    "join_years took int() of each year: 24 (the year 24 AD), True (the year 1) and 2024.5 (2024) passed."
    from alphaearth_nb.core import PeriodError
    import numpy as np
    stack, m1, _ = two
    a = embed(stack, m1, 2024, progress=False)
    for bad in ([24, 25], [True, 2023], [2023, 2024.5]):
        with pytest.raises(PeriodError): join_years([a, a], bad)
    bare = a.copy(); bare.attrs = {k: v for k, v in a.attrs.items() if not k.startswith("period_")}   # records no year
    cube = join_years([bare, bare], [np.int64(2022), "2023"])   # a year in any form timecodes.as_year reads
    assert list(cube.time.dt.year.values) == [2022, 2023]
