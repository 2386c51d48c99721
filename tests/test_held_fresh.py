"""`pixels.held` keeps no map's values past its call (s56 r2): a lazy map opened once whose store is then rewritten in
place gave a second call the first call's values for every pixel (`_HELD`, main 90648890..aa3f50ad), and the last map's
held chunks stayed in memory after the map and result were gone. Now a call reads the map again (as 906bfade did);
only a refused map's chunks, which hold no value, are kept (a retry reads none: test_no_data_one_entry)."""
import gc
import warnings

import numpy as np
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb import pixels


def _unit(seed, n=128):
    v = np.random.default_rng(seed).normal(size=(n, n, 64)).astype("float32")
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def _map(v):
    n = v.shape[0]
    da = xr.DataArray(v, dims=("y", "x", "band"), name="emb", coords={
        "y": 2000. - 10 * np.arange(n), "x": 10. * np.arange(n), "band": [f"A{i:02d}" for i in range(64)]})
    return aef.geo.write_crs(da, "EPSG:32631")


def test_a_store_rewritten_in_place_gives_its_new_values(tmp_path):
    store = tmp_path / "st.zarr"
    _map(_unit(1)).to_dataset().to_zarr(store, mode="w", encoding={"emb": {"chunks": (64, 64, 64)}})
    opened = xr.open_zarr(store)["emb"]
    q = _unit(9)[0, 0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = aef.similarity(opened, q).values
        new = _map(_unit(2))
        new.to_dataset().drop_vars([c for c in new.coords if c not in ("y", "x", "band")]).to_zarr(store, mode="r+")
        again = aef.similarity(opened, q).values
        fresh = aef.similarity(xr.open_zarr(store)["emb"], q).values
    assert not np.isclose(again, first).any(), int(np.isclose(again, first).sum())   # was: all 16384 the first's
    np.testing.assert_allclose(again, fresh)


def test_no_chunk_is_kept_after_the_call():
    m = _map(_unit(3, 64)).chunk({"y": 32, "x": 32})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s = aef.similarity(m, _unit(4, 64)[0, 0]).values
    assert np.isfinite(s).all()
    del m, s
    gc.collect()
    assert pixels._HELD == {}, list(pixels._HELD)   # was: the last map's held chunks, all of a cube held whole
