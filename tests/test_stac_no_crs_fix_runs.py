"""`stores.stac_item` of a GeoTIFF of no CRS told `gdal_edit.py -a_srs EPSG:32631 PATH`, which fails on a COG (GDAL
refuses to update a COG's layout without -oo IGNORE_COG_LAYOUT_BREAK=YES) and needs GDAL's Python scripts, which the
package does not install. Its fix is now a line of rasterio (the package's), quoted for the shell, that sets the
CRS in place; run as printed, the item is made."""
import re
import shlex
import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("pystac")
rasterio = pytest.importorskip("rasterio")
from rasterio.shutil import copy as rio_copy
from rasterio.transform import from_origin

from alphaearth_nb.core import CRSError
from alphaearth_nb.stores import stac_item


def test_the_printed_line_sets_the_crs_of_a_cog(tmp_path):
    stage, cog = tmp_path / "stage.tif", tmp_path / "my map's.tif"   # a space and a quote in the name
    with rasterio.open(stage, "w", driver="GTiff", width=8, height=8, count=1, dtype="float32",
                       transform=from_origin(500_000, 5_000_000, 10, 10)) as f:
        f.write(np.ones((1, 8, 8), np.float32))
    rio_copy(stage, cog, driver="COG")
    with pytest.raises(CRSError) as e: stac_item(cog)
    said = str(e.value)
    assert "gdal_edit" not in said
    line = re.search(r"`(python -c .+)`$", said).group(1)
    assert "32631" not in said and "326NN" in line   # no zone guessed: a pasted line must not write a wrong CRS (s54 final helper)
    line = line.replace("326NN", "32631")
    argv = shlex.split(line)
    subprocess.run([sys.executable, *argv[1:]], check=True)   # the package's Python, as `python` in its env
    with rasterio.open(cog) as f: assert f.crs.to_epsg() == 32631
    assert stac_item(cog).properties["proj:code"] == "EPSG:32631"
