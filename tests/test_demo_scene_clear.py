"""`aef demo`'s scene.png shows the land: each year's true colour is the median of the Sentinel-2 views that the
source's `cloud` layer flags clear. Was (since the sample scene keeps its clouds in the values, eaa34e12): the median
of every view, cloud included, so 2023's panel was white from edge to edge (every pixel clipped at the 0.25
reflectance the picture shows; the 2023 median B4 6699, reflectance x 1e4) and 2024's nearly so."""
import numpy as np


def test_scene_png_is_a_clear_view_of_each_year(demo_scene_figure):
    for ax in demo_scene_figure.axes:
        rgb = np.asarray(ax.images[0].get_array())
        white = (rgb >= 1).all(-1).mean()   # pixels clipped white in all three bands: cloud, not land
        assert white < 0.02 and rgb.mean() < 0.6, (ax.get_title(), white, rgb.mean())
