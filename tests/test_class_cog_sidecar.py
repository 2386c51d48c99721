"""Class COGs carry their category names where GDAL looks for them: GeoTIFF keeps no raster attribute table or
category names inside, so `map_to_cog` writes GDAL's PAM sidecar `path.aux.xml` (`exports.pam_categories`); GDAL
itself reads it back (a VRT copy of the file carries what it read), and a stale sidecar never names a new file."""
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from alphaearth_nb.core import OutputExistsError
from alphaearth_nb.exports import map_to_cog, pam_categories, to_cog
from alphaearth_nb.labels import class_flags
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")


def test_class_names_reach_gdal_through_the_sidecar(tmp_path, class_map, gdal_reads):
    names = ["forest", "crop & grass", "<water>"]            # text XML must escape
    m = class_map([[0, 1, 2], [2, -1, 0]], class_names=names)
    p = map_to_cog(m, tmp_path / "classes.tif")
    side = tmp_path / "classes.tif.aux.xml"
    assert side.is_file()
    cats, rows = gdal_reads(p)
    assert cats == names
    assert rows == [["0", "forest"], ["1", "crop & grass"], ["2", "<water>"]]
    with rasterio.open(p) as f:                                # the band's own tags, as before
        assert f.tags(1)["flag_meanings"].split() == ["forest", "crop_&_grass", "<water>"]
        assert str(side) in f.files                            # GDAL lists the sidecar as part of the raster
    rioxarray = pytest.importorskip("rioxarray")
    da = rioxarray.open_rasterio(p).squeeze(drop=True)        # rioxarray reads the names from the band's tags (class_names)
    assert class_flags(da) == {0: "forest", 1: "crop & grass", 2: "<water>"} and da.rio.crs.to_epsg() == 32631


def test_flag_ids_and_wide_ids(tmp_path, class_map, gdal_reads):
    m = class_map([[3, 7], [7, 3]], flag_values=[3, 7], flag_meanings="wheat maize")
    cats, rows = gdal_reads(map_to_cog(m, tmp_path / "flags.tif"))
    assert cats == ["", "", "", "wheat", "", "", "", "maize"] and rows == [["3", "wheat"], ["7", "maize"]]
    codes = [1101000000, 4102000040]                           # WorldCereal ids: a table of real values, no list
    m = class_map(np.array([[codes[0], codes[1]]], np.int64), flag_values=codes, flag_meanings="wheat maize")
    cats, rows = gdal_reads(map_to_cog(m, tmp_path / "codes.tif"))
    assert cats == [] and [(float(v), n) for v, n in rows] == [(1101000000.0, "wheat"), (4102000040.0, "maize")]
    root = ET.fromstring(pam_categories({4102000040: "maize"}))
    assert root.find("PAMRasterBand/GDALRasterAttributeTable/FieldDefn/Type").text == "1"   # GFT_Real


def test_a_stale_sidecar_never_names_a_new_file(tmp_path, class_map, gdal_reads):
    p = tmp_path / "m.tif"
    map_to_cog(class_map([[0, 1]], class_names=["a", "b"]), p)
    map_to_cog(class_map([[0.5, 0.25]]), p, overwrite=True)    # a score now: no classes, no sidecar
    assert not (tmp_path / "m.tif.aux.xml").exists()
    assert gdal_reads(p) == ([], [])
    p.unlink()
    (tmp_path / "m.tif.aux.xml").write_text(pam_categories({0: "old"}))   # an orphan from a file removed by hand
    with pytest.raises(OutputExistsError, match="aux.xml"):
        map_to_cog(class_map([[0, 1]], class_names=["a", "b"]), p)
    map_to_cog(class_map([[0, 1]], class_names=["a", "b"]), p, overwrite=True)
    assert gdal_reads(p)[0] == ["a", "b"]
    e = embedding_from_array(random_unit((4, 4)))
    to_cog(e, p, overwrite=True)                               # an embedding COG replacing it: the names go too
    assert not (tmp_path / "m.tif.aux.xml").exists()
