"""A sparse target (a few GEDI footprints) has no valid held-out pixel in some batches by chance, so its
`recon/<source>` term is exactly 0 in those steps. `fit` warned at the first such step that the source 'teaches the
model nothing ... check its cloud layer' though the data were fine (`losses.unweighed_watch`, session 53's review).
Now only 10 logged steps in a row at 0 warn, naming both causes (a cloud layer or NaN bands; a source too sparse)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.losses import unweighed_watch
from alphaearth_nb.stacks import toy_stack


def test_steps_at_zero_apart_never_warn_and_ten_in_a_row_do():
    runs = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error", TrainingWarning)
        for k in range(40):   # a footprint in every third batch: 0, 0, x, 0, 0, x, ...
            runs = unweighed_watch({"step": k + 1, "recon/gedi": 0.7 if k % 3 == 2 else 0.0}, runs)
        assert unweighed_watch({"step": 41, "loss": 1.0}, runs) == runs   # no recon term: unchanged
    with pytest.warns(TrainingWarning, match="gedi was 0 for 10 logged steps in a row") as w:   # 40 at 0, then 42..50
        for k in range(41, 60): runs = unweighed_watch({"step": k + 1, "recon/gedi": 0.0}, runs)
    assert len(w) == 1 and "step 50" in str(w[0].message) and runs == {"gedi": -1}
    assert "batch_size" in str(w[0].message) and "cloud` layer" in str(w[0].message)


@pytest.mark.slow
def test_fit_on_a_sparse_gedi_target_is_quiet_when_some_batches_miss_it():
    s2 = toy_stack(size=96)["sentinel2"].to_dataset()
    rng = np.random.default_rng(0)
    rh = np.full((1, 96, 96), np.nan, "f4")
    rh[0, rng.integers(0, 96, 3), rng.integers(0, 96, 3)] = rng.uniform(5, 30, 3)   # three footprints in one orbit
    gedi = xr.Dataset({"rh98": (("time", "y", "x"), rh)}, attrs=dict(crs="EPSG:32631", source="gedi"),
                      coords=dict(time=pd.to_datetime(["2021-01-15"]), y=s2.y, x=s2.x))
    stack = xr.DataTree.from_dict({"sentinel2": s2, "gedi": gedi})
    cfg = aef.model.preset("tiny", inputs=("sentinel2",), targets=("sentinel2", "gedi"))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        _, history = aef.fit(cfg, stack, steps=12, batch_size=2, progress=False)
    gedi_terms = [r["recon/gedi"] for r in history]
    assert 0 < sum(t == 0 for t in gedi_terms) < len(gedi_terms)   # some batches held no footprint, some did
    assert not [x for x in w if "reconstruction term" in str(x.message)]   # was: "step 2: ... gedi is 0"
