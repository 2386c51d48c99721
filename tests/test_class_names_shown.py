"""The class names the user sees are the names as given: `classify` of named classes writes `class_names`
('Winter wheat') and CF `flag_meanings` ('Winter_wheat': a CF word holds no space); `labels.class_flags` (so
`plot_classes`' legend, `map_to_cog`'s category names and tags, `vectorize`'s names) gives 'Winter wheat' where the
two name the same classes, and a file's own CF flags otherwise. Was: 'Winter_wheat' everywhere after classify."""
import matplotlib

matplotlib.use("Agg")
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.labels import class_flags
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture
def named():
    emb = embedding_from_array(random_unit((6, 6), seed=4))
    x, y = emb.x.values, emb.y.values
    t = pd.DataFrame({"x": x[[0, 1, 4, 5]], "y": y[[0, 0, 5, 5]],
                      "label": ["Winter wheat", "Winter wheat", "Maize  grain", "Maize  grain"]})
    return classify(emb, t, k=1)["class"]


def test_classify_names_are_shown_as_given(named):
    assert named.attrs["flag_meanings"] == "Maize_grain Winter_wheat"      # CF's words, as before
    assert class_flags(named) == {0: "Maize  grain", 1: "Winter wheat"}
    from alphaearth_nb.maps import plot_classes
    ax = plot_classes(named)
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == ["Maize  grain", "Winter wheat"]


def test_cog_and_polygons_keep_the_names(named, tmp_path, gdal_reads):
    pytest.importorskip("rasterio"); rioxarray = pytest.importorskip("rioxarray")
    from alphaearth_nb.exports import map_to_cog, vectorize
    p = map_to_cog(named, tmp_path / "c.tif")
    assert gdal_reads(p)[0] == ["Maize  grain", "Winter wheat"]             # GDAL's category names
    back = rioxarray.open_rasterio(p).squeeze(drop=True)
    assert class_flags(back) == {0: "Maize  grain", 1: "Winter wheat"}    # read back: the same names
    assert set(vectorize(named, name="crop")["crop"]) == {"Maize  grain", "Winter wheat"}


def test_flags_of_other_classes_are_the_names(class_map):
    m = class_map([[3, 7]], flag_values=[3, 7], flag_meanings="tree_cover open_water")
    assert class_flags(m) == {3: "tree_cover", 7: "open_water"}             # a file's own CF classes
    m = class_map([[0, 1]], flag_values=[0, 1], flag_meanings="tree_cover water", class_names=["forest", "water"])
    assert class_flags(m) == {0: "tree_cover", 1: "water"}                 # other words: the CF pair, as before
    m = class_map([[0, 1]], flag_values=[0, 1], flag_meanings="tree_cover water", class_names=["tree cover", "water"])
    assert class_flags(m) == {0: "tree cover", 1: "water"}
