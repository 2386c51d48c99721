"""`e.aef.classify(df, label="dw_label")` said "did you mean 'labels'": the keyword for the label column is `column`
(newcomer s55 finding 11). A door's usual names for a parameter it takes (core.DOOR_ALIASES) are offered too."""
import pytest

from alphaearth_nb.core import UnknownFieldError, unknown_keys
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 7), seed=1))

@pytest.mark.parametrize("kw", ["label", "label_column", "lable"])
def test_label_offers_column(kw):
    with pytest.raises(UnknownFieldError, match=rf"'{kw}' \(did you mean 'column'( or 'labels')?\?\)"):
        E.aef.classify(None, **{kw: "dw_label"})

def test_no_alias_where_the_door_takes_no_column():
    with pytest.raises(UnknownFieldError, match=r"'label' \(did you mean 'labels'\?\)"):
        unknown_keys({"label": 1}, ["emb", "labels"], "f()")
