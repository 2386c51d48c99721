"""An official cube computed on dask's threaded scheduler leaves `warnings.filters` as it was: a warning of ours after
it is shown, and the README's `warnings.simplefilter('error', aef.AEFWarning)` still raises. Was (session 47's
newcomer, 3 runs of 3): rasterio's `warp.reproject` (odc-geo's chunked reproject in `official.mosaic`) opens each array
under `catch_warnings` + `simplefilter('ignore')`; those blocks overlapped on dask's threads and restored each other's
saved lists, leaving `('ignore', None, Warning, None, 0)` first in `warnings.filters` for the process. Now every warp
of ours runs under `warn_lock.WARN_LOCK` (`serialised`), and `mosaic` adds no filter of its own."""
import warnings

import pytest

pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")

from alphaearth_nb import official as off
from alphaearth_nb.core import AEFWarning, GridWarning

ACROSS = (5.995, 44.999, 6.004, 45.003)   # straddles 6 deg E: two zones' tiles, each warped, 15 chunks of 16 pixels


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2023, 2024),
                                  samples=shared_data / "aef_samples")


@pytest.mark.parametrize("resampling", ["average", "nearest"])
def test_threaded_cube_keeps_the_warning_filters(mirror, resampling):
    with pytest.warns(GridWarning):   # the other zone's tiles warped onto this grid: said, as before
        cube = off.open(ACROSS, (2023, 2024), source=mirror.root, crs="EPSG:32631", resampling=resampling, chunks=16)
    assert cube.data.npartitions >= 10   # many chunks: their warps would overlap on the threads
    warnings.simplefilter("error", AEFWarning)   # the README's line
    before = list(warnings.filters)
    for _ in range(3):   # the fault came in every run; three computes make a lucky pass unlikely
        cube.compute(scheduler="threads", num_workers=4)
        assert warnings.filters == before
    with pytest.raises(GridWarning, match="still raised"):
        warnings.warn("still raised after the compute", GridWarning)


def test_opening_a_warped_cube_adds_no_filter(mirror):
    "`mosaic` put a filter for rasterio's 'Dataset has no geotransform' in `warnings.filters` at each call (was)."
    warnings.simplefilter("ignore", GridWarning)   # said, as before (not `pytest.warns`, which restores the filters)
    before = list(warnings.filters)
    off.open(ACROSS, 2024, source=mirror.root, crs="EPSG:32631", chunks=16)
    assert warnings.filters == before
