"""`aef demo`'s scene.png shows the land: each year's true colour is the median of the Sentinel-2 views that the
source's `cloud` layer flags clear. Was (since the sample scene keeps its clouds in the values, eaa34e12): the median
of every view, cloud included, so 2023's panel was white from edge to edge (every pixel clipped at the 0.25
reflectance the picture shows; the 2023 median B4 6699, reflectance x 1e4) and 2024's nearly so."""
import numpy as np

from alphaearth_nb import demo, scene, train
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_scene_png_is_a_clear_view_of_each_year(tmp_path, monkeypatch):
    saved = {}
    monkeypatch.setattr(demo, "_save", lambda fig, path: saved.setdefault(path.name, fig))
    monkeypatch.setattr(train, "plot_history", lambda hist, path: None)   # loss.png: not this test's
    stack = scene.load_scene()[0]
    embs = {y: embedding_from_array(random_unit((150, 150), seed=y)) for y in (2023, 2024)}
    demo._pictures(tmp_path, stack, embs, [{"loss": 1.0}])
    for ax in saved["scene.png"].axes:
        rgb = np.asarray(ax.images[0].get_array())
        white = (rgb >= 1).all(-1).mean()   # pixels clipped white in all three bands: cloud, not land
        assert white < 0.02 and rgb.mean() < 0.6, (ax.get_title(), white, rgb.mean())
