"""`aef demo`'s scene.png reads on its own: each year's panel on axes in the CRS's metres (UTM), and
a note of the pixel size, the scene's size and the CRS. Was: `ax.axis("off")`, no axes, no units, no scale."""
import numpy as np


def test_scene_png_has_axes_in_metres_and_a_scale_note(demo_scene_figure):
    fig = demo_scene_figure
    # the sample scene: 150 x 150 pixels of 10 m (its config: size 150, res 10.0), x0 640000, y0 5620000 its NW corner;
    # its axes in the CRS's metres, as the demo's other maps (session 37: was metres from the south-west corner)
    for ax in fig.axes:
        assert ax.axison and tuple(ax.get_xlim()) == (640000.0, 641500.0) and tuple(ax.get_ylim()) == (5618500.0, 5620000.0)
        assert ax.get_xlabel() == "easting (m, EPSG:32631)" and ax.get_ylabel() == "northing (m)"
    note = " ".join(t.get_text() for t in fig.texts)
    assert "10 x 10 m pixels" in note and "1.5 x 1.5 km" in note and "EPSG:32631" in note, note
    assert np.isfinite(fig.axes[0].images[0].get_array()).all()
