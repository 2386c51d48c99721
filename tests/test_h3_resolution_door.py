"""`cubes.h3_zones(emb, resolution)` (public) read `resolution` as given: 10.5 raised a bare TypeError ('list indices
must be integers or slices, not float') and '10' another ("'<=' not supported between instances of 'int' and
'str'"), outside the package's errors, while `aggregate(h3=...)` read the same value as a whole number first
(`core.whole`). `h3_zones` reads it so too: a `ConfigError` naming the setting, a whole float (10.0) taken."""
import numpy as np
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.cubes import h3_zones
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("h3")
pytest.importorskip("geopandas")


@pytest.mark.parametrize("res", [10.5, "10", None, [10]])
def test_a_resolution_that_is_no_whole_number_is_a_config_error(res):
    emb = embedding_from_array(random_unit((8, 8), seed=3))
    with pytest.raises(ConfigError, match=r"resolution"): h3_zones(emb, res)


def test_a_whole_float_or_numpy_int_is_read_as_the_int():
    emb = embedding_from_array(random_unit((8, 8), seed=3))
    a, b, c = h3_zones(emb, 10), h3_zones(emb, 10.0), h3_zones(emb, np.int64(10))
    assert len(a) and list(a.geometry.to_wkt()) == list(b.geometry.to_wkt()) == list(c.geometry.to_wkt())


def test_the_pixel_size_words_multiply_to_the_area_said():
    "A pixel of 9.996 m a side was said '10 x 10 m = 99.9 m^2' (3 digits each): the sides now carry 4."
    import re
    e = embedding_from_array(random_unit((6, 6), seed=1))
    e = e.assign_coords(x=e.x.values[0] + 9.992 * np.arange(6), y=e.y.values[0] - 9.992 * np.arange(6))
    with pytest.raises(ConfigError) as got: h3_zones(e, 15)
    a, b, area = map(float, re.search(r"\(([\d.]+) x ([\d.]+) m = ([\d.]+) m\^2\)", str(got.value)).groups())
    assert abs(a * b - area) / area < 5e-4, str(got.value)
