"""Class and cluster COGs: every class id 0..255 has a colour of its own, and a cluster map names its clusters.
Was: the palette cycled tab20, so classes 0 and 20 (and 1 and 21, ...) were one colour in the COG's table and on the
maps; a cluster COG carried no category names (QGIS showed bare ids) where a class COG carries its class names."""
import json

import numpy as np
import pytest

from alphaearth_nb.analysis import cluster
from alphaearth_nb.exports import class_colour, map_to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")


def test_class_ids_up_to_255_have_distinct_colours():
    rgba = [tuple(int(round(255 * v)) for v in class_colour(i)) for i in range(256)]
    assert len(set(rgba)) == 256                                     # was 20: tab20 again every 20 ids
    assert class_colour(0) != class_colour(20)
    assert class_colour(256) == class_colour(0)                      # beyond 255: id mod 256


def test_a_cog_of_255_classes_has_255_colours(tmp_path):
    e = embedding_from_array(random_unit((15, 17), seed=5))
    ids = np.arange(15 * 17).reshape(15, 17) % 255                   # ids 0..254, every one on the map
    m = e.isel(band=0, drop=True).copy(data=ids.astype(np.int32)).rename("class")
    with rasterio.open(map_to_cog(m, tmp_path / "c.tif")) as f:
        table, a = f.colormap(1), f.read(1)
        assert f.dtypes[0] == "uint8" and f.colorinterp[0].name == "palette"
    used = [table[i] for i in range(255)]
    assert len(set(used)) == 255                                     # was 20 colours for 255 classes
    for i in (0, 20, 254):                                           # the table is the colours the maps draw
        assert table[i] == tuple(int(round(255 * v)) for v in class_colour(i))
    np.testing.assert_array_equal(a, ids)


@pytest.mark.parametrize("whole", [True, False])
def test_a_cluster_cog_names_its_clusters(tmp_path, whole):
    e = embedding_from_array(random_unit((8, 9), seed=7))
    ds = cluster(e, k=4, seed=0)
    m = ds if whole else ds["cluster"]
    p = map_to_cog(m, tmp_path / "k.tif")
    with rasterio.open(p) as f: tags, a = f.tags(1), f.read(1)
    names = json.loads(tags["class_names"])                          # was no tag: bare ids
    top = int(np.asarray(ds["cluster"]).max())
    assert names[:top + 1] == [f"cluster {i}" for i in range(top + 1)]
    if whole: assert len(names) == ds["centres"].shape[0]            # all k, an empty cluster too
    aux = open(f"{p}.aux.xml").read()                                # what QGIS and ArcGIS show
    assert "cluster 0" in aux and f"cluster {top}" in aux
    np.testing.assert_array_equal(a, np.asarray(ds["cluster"]))
