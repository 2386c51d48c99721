"""pyproject's dask floor (and distributed's, whose releases pin the same dask) is a release that holds what the
package calls: dask_keys.own_graph (cog_files._own_keys of e80bb8d2, moved there in session 47) reads
`dask._task_spec.convert_legacy_graph` and each node's `substitute(subs, key=)`, which came in dask 2024.12.0 (2024.9.0 .. 2024.11.2 have `_task_spec` without
`substitute`; before 2024.9.0 no `_task_spec`, so `import alphaearth_nb.exports` itself failed). Was: dask[array]>=2024.1
and distributed>=2024.1, a floor that pip would satisfy with a dask the package cannot import (review46)."""
import re
import tomllib
from pathlib import Path

import dask
from dask._task_spec import GraphNode, convert_legacy_graph

from alphaearth_nb import cog_files, dask_keys

FLOOR = (2024, 12, 0)   # the first dask with GraphNode.substitute (dask/dask's git tags, read in session 46)
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _floors(name):
    meta = tomllib.loads(PYPROJECT.read_text())["project"]
    specs = meta["dependencies"] + [s for v in meta["optional-dependencies"].values() for s in v]
    got = [re.fullmatch(rf"{name}(\[[^\]]*\])?>=([\d.]+)", s.replace(" ", "")) for s in specs]
    return [tuple(int(p) for p in m[2].split(".")) + (0,) * (3 - len(m[2].split("."))) for m in got if m]


def test_dask_and_distributed_floors_hold_the_task_spec_we_call():
    assert _floors("dask") and _floors("distributed")
    for name in ("dask", "distributed"):
        assert all(f >= FLOOR for f in _floors(name)), (name, _floors(name))


def test_the_installed_dask_has_it():
    assert callable(convert_legacy_graph) and callable(GraphNode.substitute), dask.__version__


def test_the_moved_helper_keeps_its_old_name():
    "cog_files._own_keys (e80bb8d2) is dask_keys.own_keys, the one helper of the three loops (to_cog, embed_to_zarr, tiles)."
    assert cog_files._own_keys is dask_keys.own_keys
