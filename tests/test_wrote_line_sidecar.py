"""aef classify's last line names the sidecar it wrote (newcomer s52, finding 11). Was: `aef classify --out cl.tif`
also wrote cl.tif.aux.xml (the class names QGIS and ArcGIS read) and said only 'wrote cl.tif: ...', so a user who
copied the file alone lost its class names."""
import numpy as np
import pytest

pytest.importorskip("rasterio")
from alphaearth_nb.exports import map_to_cog
from alphaearth_nb.map_cmd import _wrote
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((4, 5), seed=2))


def test_a_class_map_line_names_its_sidecar(tmp_path):
    cls = EMB.isel(band=0).copy(data=np.arange(20).reshape(4, 5) % 3).rename("class").astype(np.int16)
    cls.attrs.update(crs=EMB.attrs.get("crs", "EPSG:32631"), class_names=["crop", "forest", "water"])
    out = map_to_cog(cls, tmp_path / "cl.tif")
    line = _wrote(cls, out)
    assert (tmp_path / "cl.tif.aux.xml").is_file() and f"{out}.aux.xml" in line and "QGIS" in line, line
    assert line.startswith(f"wrote {out}: 5 x 4 pixels (width x height)")


def test_a_map_without_sidecar_says_none(tmp_path):
    sim = EMB.isel(band=0).rename("similarity")
    out = map_to_cog(sim, tmp_path / "sim.tif")
    assert not (tmp_path / "sim.tif.aux.xml").exists() and "aux.xml" not in _wrote(sim, out)
