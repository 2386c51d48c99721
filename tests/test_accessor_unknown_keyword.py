"""A misspelt keyword to an `.aef` method (`e.aef.aggregate(h3res=9)`) was a bare TypeError from the free function;
`fit` and the configs name the one meant (`core.UnknownFieldError`). The accessor's one wrapper (`accessor.forward`)
now says it for every method, before any work."""
import numpy as np, pytest, xarray as xr

from alphaearth_nb.accessor import EmbeddingAccessor   # .aef on a DataArray
from alphaearth_nb.core import UnknownFieldError


def _emb():
    rng = np.random.default_rng(0)
    v = rng.normal(size=(4, 5, 64)).astype(np.float32)
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    return xr.DataArray(v, dims=("y", "x", "band"), coords={"y": 4995.0 - 10 * np.arange(4), "x": 5.0 + 10 * np.arange(5),
                                                            "band": [f"A{i:02d}" for i in range(64)]},
                        attrs={"crs": "EPSG:32631"})


@pytest.mark.parametrize("call, bad, meant", [
    (lambda e: e.aef.aggregate(h3res=9), "h3res", "h3"),
    (lambda e: e.aef.similarity(targt=(5.0, 4995.0)), "targt", "target"),
    (lambda e: e.aef.cluster(n_cluster=3), "n_cluster", None),
    (lambda e: e.aef.coarsen(factr=2), "factr", "factor"),
])
def test_misspelt_keyword_named(call, bad, meant):
    with pytest.raises(UnknownFieldError) as e:
        call(_emb())
    msg = str(e.value)
    assert repr(bad) in msg and ".aef." in msg
    if meant is not None:
        assert f"did you mean {meant!r}" in msg
    assert isinstance(e.value, TypeError)   # what a bare call raised: callers catching TypeError still do


def test_right_keywords_still_work():
    e = _emb()
    assert isinstance(e.aef, EmbeddingAccessor)
    out = e.aef.coarsen(2)
    assert out.sizes["y"] == 2
