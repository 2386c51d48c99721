"""A user's own remote COG (http/https) is opened as the official tiles are (`files.gdal_path`: /vsicurl?empty_dir=yes&
useragent=...&url=...): `exports.read_cog(url)` and `embeddings.read_official_tiff(url)` read the file alone, with no
folder listing and no probe for sidecars (.aux.xml, .ovr, .msk) on the server, and name this package. Before, GDAL
listed the folder and asked for each sidecar (a 404 each; on a real server a round trip each).

The reads run in a child process: rasterio holds the GIL while it opens a plain `http://` path, so a reader in this
process would wait forever on conftest's server thread (`serve_folder`), which needs the GIL to answer."""
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.embeddings import read_official_tiff  # noqa: E402
from alphaearth_nb.exports import read_cog, to_cog  # noqa: E402
from alphaearth_nb.files import USER_AGENT, gdal_path  # noqa: E402
from alphaearth_nb.testing import embedding_from_array, random_unit  # noqa: E402

READ = """import sys, numpy as np
from alphaearth_nb.exports import read_cog
from alphaearth_nb.embeddings import read_official_tiff
url, out = sys.argv[1], sys.argv[2]
np.save(out + "/cog.npy", read_cog(url).values); np.save(out + "/tiff.npy", read_official_tiff(url).values)
"""


def test_read_cog_and_read_official_tiff_over_http_read_the_file_alone(tmp_path, serve_folder):
    emb = embedding_from_array(random_unit((40, 36), seed=2))
    (tmp_path / "cogs").mkdir()
    to_cog(emb, tmp_path / "cogs" / "emb.tif", blocksize=16)
    local = tmp_path / "cogs" / "emb.tif"
    env, served = dict(os.environ), serve_folder(tmp_path / "cogs")
    root = Path(__file__).resolve().parents[1]
    p = subprocess.run([sys.executable, "-c", READ, served.url + "emb.tif", str(tmp_path)], capture_output=True,
                       text=True, timeout=300, cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    assert p.returncode == 0, p.stderr[-2000:]
    np.testing.assert_array_equal(np.load(tmp_path / "cog.npy"), read_cog(local).values)
    np.testing.assert_array_equal(np.load(tmp_path / "tiff.npy"), read_official_tiff(local).values)
    assert {r.path for r in served.log} == {"/emb.tif"}, served.log   # no folder listing, no sidecar probe
    assert {r.agent for r in served.log} == {USER_AGENT}
    assert dict(os.environ) == env
    assert gdal_path(str(local)) == str(local) and gdal_path(local) == local   # a local file as it is
