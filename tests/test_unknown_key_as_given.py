"core.unknown_keys names a key as it was given: a dict's int key 1 reads 'got an unknown name 1', not '1' (which reads " \
"as text that was given); text keys keep their quotes and closest names."
import pytest

from alphaearth_nb.core import UnknownFieldError, unknown_keys
from alphaearth_nb.model import preset


def test_a_key_that_is_no_text_is_named_as_given():
    with pytest.raises(UnknownFieldError, match=r"^preset\('tiny', stp=\{\.\.\.\}\) got an unknown name 1: it takes patch"):
        preset("tiny", stp={1: 2})


def test_text_keys_keep_their_quotes_and_closest_names():
    with pytest.raises(UnknownFieldError, match=r"got unknown names 'dpeth' \(did you mean 'depth'\?\), 2: it takes"):
        unknown_keys({"dpeth": 1, 2: 0}, ["depth", "width"], "f()")
