"embed's batch_size larger than the tiles there are embeds the same vectors at once: each call pads to at most the "
"block's tiles (it padded a list and an array to batch_size tiles: batch_size=10**9 ran until killed)."
import jax
import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb import embed as E


@pytest.fixture(scope="module")
def s2():
    stack = aef.load_scene()[0]
    return stack["sentinel2"].to_dataset().isel(y=slice(40, 56), x=slice(40, 56)).sel(time=slice("2024-01-01", "2024-12-31"))


def test_huge_batch_size_same_vectors(s2, monkeypatch):
    m = aef.AlphaEarth(aef.preset("tiny"), key=jax.random.key(0))
    ref = aef.embed(s2, m, 2024, progress=False).values
    sizes, real = [], E._embed_batch
    def spy(model, tiles, period):
        sizes.append(next(iter(tiles.values())).x.shape[0]); return real(model, tiles, period)
    monkeypatch.setattr(E, "_embed_batch", spy)
    got = aef.embed(s2, m, 2024, progress=False, batch_size=10**9).values
    assert max(sizes) <= 8 and np.array_equal(got, ref, equal_nan=True), sizes


@pytest.mark.parametrize("bad", ["abc", 2.5, None, 0, -1])
def test_chunks_per_write_checked_before_work(s2, tmp_path, monkeypatch, bad):
    # was TypeError ('>' not supported, 'float' object cannot be interpreted as an integer) after the embedding ran;
    # 0 and -1 were read as 1 without a word
    monkeypatch.setattr(E, "_embed", lambda *a, **k: pytest.fail("embedded before chunks_per_write was checked"))
    with pytest.raises(aef.core.ConfigError, match="chunks_per_write="):
        E.embed_to_zarr(s2, None, 2024, tmp_path / "e.zarr", progress=False, chunks_per_write=bad)
    assert not (tmp_path / "e.zarr").exists()
