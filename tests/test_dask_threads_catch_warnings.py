"""No task that the package hands dask's threads enters `warnings.catch_warnings` outside `warn_lock.WARN_LOCK`: such
blocks swap the process's one filter list (Python before 3.14), so two that overlap on two threads leave one's
filters in place for the process. Recorded, not timed: each block opened off the main thread while the README's
cube is computed on the threaded scheduler (an official cube warped across two zones, its yearly change, a
similarity). Was (session 48): rasterio's warps (`official.mosaic`) and dask's `nanmax` chunks of `yearly_change`'s
`max_score` (ignore 'All-NaN slice encountered': left in `warnings.filters` in 2-3 of 3 threaded computes of a
384 x 384 cube) opened them unlocked."""
import threading
import warnings

import numpy as np
import pytest

pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")

from alphaearth_nb import official as off
from alphaearth_nb.core import GridWarning
from alphaearth_nb.warn_lock import WARN_LOCK
from alphaearth_nb.years import yearly_change

ACROSS = (5.995, 44.999, 6.004, 45.003)   # straddles 6 deg E: both zones' tiles warped onto 32631


@pytest.fixture(scope="module")
def cube(tmp_path_factory, shared_data):
    mir = off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2022, 2023, 2024),
                                 samples=shared_data / "aef_samples")
    with pytest.warns(GridWarning):
        return off.open(ACROSS, (2022, 2024), source=mir.root, crs="EPSG:32631", chunks=16)


@pytest.fixture
def blocks(monkeypatch):
    "The `catch_warnings` blocks opened off the main thread: (where, whether `WARN_LOCK` was held)."
    seen, enter = [], warnings.catch_warnings.__enter__
    def opened(self):
        if threading.current_thread() is not threading.main_thread():
            seen.append((repr(self), WARN_LOCK._is_owned()))
        return enter(self)
    monkeypatch.setattr(warnings.catch_warnings, "__enter__", opened)
    return seen


@pytest.mark.parametrize("what", ["cube", "yearly_change", "similarity"])
def test_threaded_tasks_open_no_catch_warnings_unlocked(cube, blocks, what):
    lazy = {"cube": lambda: cube, "yearly_change": lambda: yearly_change(cube),
            "similarity": lambda: cube.aef.similarity(np.asarray(cube.isel(time=0, y=3, x=2).values))}[what]()
    lazy.compute(scheduler="threads", num_workers=4)
    assert [b for b in blocks if not b[1]] == []
    if what == "cube": assert blocks   # the warps' blocks were seen: the record works
