"""A path that names a folder by where it is ('.', '..') is refused in words that read (hunt, session 29): the message
said 'not a embedding store of its own' and 'not a output of its own'."""
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.files import check_output


@pytest.mark.parametrize("what, words", [("embedding store", "not an embedding store of its own"),
                                         ("output", "not an output of its own"),
                                         ("COG", "not a COG of its own")])
def test_the_article_fits_the_output(what, words):
    for path in (".", ".."):
        with pytest.raises(ConfigError, match=words):
            check_output(path, True, what)
