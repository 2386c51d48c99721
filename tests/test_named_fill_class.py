"""A label raster that declares a no-data value its own class names name as a class (CF `flag_values` /
`flag_meanings` giving 0 'water' beside `nodata = 0`: a writer's default no-data on a raster whose 0 is a class)
reads that value as the class, with a warning naming both and either fix (field case C1's kind: label conventions
kept on the way in). A fill the names call no data (eo-learn's 0 'no_data') stays no data, silently.
Was: the declared value won without a word, and a named class (16 of 64 pixels here) was never trained or scored."""
import re
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import analysis
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.features import points_at
from alphaearth_nb.labels import labelled_cells
from alphaearth_nb.testing import embedding_from_array, random_unit

H = W = 8
TRUTH = np.zeros((H, W), np.uint8)
TRUTH[:4, 4:], TRUTH[4:, :4], TRUTH[4:, 4:] = 1, 2, 3     # 16 pixels of each class, 0 'water' among them
VEC = random_unit((H, W), seed=8)                          # distinct vectors: k=1 gives each pixel its own label


def raster(first="water", key="nodata"):
    emb = embedding_from_array(VEC)
    lab = xr.DataArray(TRUTH, dims=("y", "x"), coords={"y": emb.y, "x": emb.x},
                       attrs={"flag_values": [0, 1, 2, 3], "flag_meanings": f"{first} crop forest urban", key: 0})
    return emb, lab


@pytest.mark.parametrize("key", ["nodata", "_FillValue"])
def test_a_named_class_is_read_and_warned(key):
    emb, lab = raster(key=key)
    with pytest.warns(LabelWarning, match=r"declares 0 as no data \(" + key + r"\) while its class names .* name "
                                         r"0 'water': read as that class"):
        assert labelled_cells(lab).all()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = analysis.classify(emb, lab, k=1)["class"]
        X, y = points_at(emb, lab)
    assert (out.values == TRUTH).all()                      # class 0 trained and predicted at its 16 pixels
    assert len(y) == H * W and (np.bincount(y) == 16).all()
    assert out.attrs["flag_meanings"].split()[0] == "water"


@pytest.mark.parametrize("first", ["no_data", "NODATA", "fill", "unclassified"])
def test_a_fill_the_names_call_no_data_stays_no_data(first):
    emb, lab = raster(first)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                      # nothing to say: the names agree with the declaration
        keep = labelled_cells(lab)
    assert (keep == (TRUTH != 0)).all()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = analysis.classify(emb, lab, k=1)["class"]
    assert set(np.unique(out.values).tolist()) == {1, 2, 3}


@pytest.mark.parametrize("first", ["landfill", "sanitary_landfill", "refill_station", "invalidated_plots"])
def test_a_class_whose_name_holds_a_no_data_word_inside_another_word_is_a_class(first):
    "'fill' inside 'landfill' is no name for no data: only a whole word of the name counts (letters either side do not)."
    emb, lab = raster(first)
    with pytest.warns(LabelWarning, match=f"name 0 '{first}': read as that class"):
        assert labelled_cells(lab).all()


@pytest.mark.parametrize("where", [("attrs",), ("encoding",), ("attrs", "encoding")])
def test_the_advice_to_drop_the_declaration_runs_wherever_it_is_held(where):
    "A `_FillValue` xarray keeps in `encoding` (or in both) is dropped where it is: the advice once run, 0 is read as " \
    "a class without a word. Was: `labels.attrs.pop('_FillValue')` alone, a KeyError for one in encoding."
    emb, lab = raster()
    del lab.attrs["nodata"]
    for w in where: getattr(lab, w)["_FillValue"] = 0
    with pytest.warns(LabelWarning, match="drop the declaration") as said:
        labelled_cells(lab)
    fix = re.search(r"drop the declaration \(`(.+?)`\)", str(said[0].message))[1]
    labels = lab
    exec(fix)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert labelled_cells(labels).all()
