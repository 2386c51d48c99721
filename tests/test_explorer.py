"Tests of the live map's kernel side (alphaearth_nb.explorer), without a browser."
import importlib.util
import urllib.error
import urllib.request

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import LabelError, NoValidDataError
from alphaearth_nb.explorer import TILE, Explorer, query_rule, tile_server
from alphaearth_nb.testing import embedding_from_array, random_unit

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None,
                                reason="needs the maps extra (ipyleaflet)")


def test_broken_layer_answers_500_and_is_logged():
    srv = tile_server()
    srv.layers["broken"] = lambda z, x, y: 1 / 0
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(srv.url("broken").format(z=1, x=0, y=0))
    assert e.value.code == 500 and srv.log[-1][1] == 500


def test_year_picker_switches_the_embedding():
    a = np.stack([random_unit((8, 6), seed=s) for s in (1, 2)])
    cube = xr.concat([embedding_from_array(x) for x in a], dim="time").assign_coords(time=[2023, 2024])
    m = Explorer(cube, basemaps=False)
    assert len(m.year.options) == 2
    x, y = float(cube.x[2]), float(cube.y[3])
    m.click(x, y)
    np.testing.assert_allclose(m.query, a[0, 3, 2], atol=1e-6)
    m.year.value = 1                       # the panel's year picker
    m.slider.value = 0.99
    hits = m.hits                          # the 2024 pixels most like the 2023 query
    np.testing.assert_allclose(hits.similarity, a[1][hits.row, hits.col] @ a[0, 3, 2], atol=1e-5)


def test_clicks_outside_and_labels_need_a_name():
    emb = embedding_from_array(random_unit((5, 5)))
    m = Explorer(emb, basemaps=False)
    with pytest.raises(NoValidDataError, match="click inside the data"):
        m.click(0.0, 0.0)
    with pytest.raises(LabelError, match="class name"):
        m.add_label(float(emb.x[0]), float(emb.y[0]), " ")
    with pytest.raises(LabelError, match="at least two classes"):
        m.add_label(float(emb.x[0]), float(emb.y[0]), "a"); m.classify()


def test_query_rule_is_mean_of_positives_minus_mean_of_negatives():
    p, n = random_unit((3,), seed=1), random_unit((2,), seed=2)
    q = query_rule(p, n)
    want = p.mean(0) - n.mean(0)
    np.testing.assert_allclose(q, want / np.linalg.norm(want), atol=1e-6)
    assert q.shape == (64,) and TILE == 256


def test_save_labels_keeps_an_existing_file(tmp_path):
    "Field case E1's kind: saving labels over an existing file (earlier labels, a user's file) needs overwrite."
    emb = embedding_from_array(random_unit((6, 5), seed=3))
    m = Explorer(emb, basemaps=False)
    m.add_label(float(emb.x[1]), float(emb.y[1]), "a")
    p = tmp_path / "labels.geojson"
    p.write_text("earlier labels")
    with pytest.raises(FileExistsError, match="overwrite=True"):
        m.save_labels(p)
    assert p.read_text() == "earlier labels"
    assert '"a"' in m.save_labels(p, overwrite=True).read_text()
    with pytest.raises(FileExistsError):
        m.save_labels(tmp_path)            # a folder: refused, not an IsADirectoryError
    assert list(tmp_path.iterdir()) == [p]  # nothing left beside it
