import numpy as np
import pytest

from alphaearth_nb.core import AEFError, ConfigError, DTypeError
from alphaearth_nb.text import TEXT_DIM, encode_texts, text_features


def test_unit_vectors_and_shape():
    e = encode_texts(["a field of maize", "", "Lac Léman ☀"], dim=64)
    assert e.shape == (3, 64) and e.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(e, axis=1), 1, rtol=1e-5)
    assert encode_texts([]).shape == (0, TEXT_DIM)


def test_similar_texts_closer_than_unrelated():
    e = encode_texts(["Winter wheat fields near the village", "a winter-wheat field by a village",
                      "Harbour with container cranes", "Pine forest on a steep slope", "steep slopes covered by pine forests"])
    c = e @ e.T
    assert c[0, 1] > max(c[0, 2], c[0, 3]) + 0.2
    assert c[3, 4] > max(c[3, 0], c[3, 2]) + 0.2
    # word order does not matter, case does not matter
    a, b = encode_texts(["Forest River", "river forest"])
    np.testing.assert_allclose(a, b, atol=1e-6)


def test_features_hand_worked():
    words, grams = text_features("Oak")
    assert words == {"oak": 1}
    assert set(grams) == {" oa", "oak", "ak ", " oak", "oak "}


def test_deterministic_golden():
    # a stored expectation: this process's str hash seed is random, so a dependence on Python's
    # hash() (instead of zlib.crc32) would fail here on almost every run and every machine
    e = encode_texts(["olive grove"], 64)[0]
    nz = np.flatnonzero(e)
    assert nz.tolist() == [3, 4, 6, 13, 15, 21, 22, 26, 29, 32, 38, 45, 49, 62, 63]
    np.testing.assert_allclose(e[nz], [0.1504, 0.1504, 0.1504, 0.3888, -0.1504, -0.3008, 0.1504, 0.1504, -0.3008,
                                       0.5390, 0.1504, 0.1504, 0.1504, -0.1504, -0.3886], atol=1e-4)


def test_errors():
    with pytest.raises(DTypeError, match=r"str\("):
        encode_texts(["ok", 3])
    with pytest.raises(ConfigError, match="at least 8"):
        encode_texts(["x"], dim=4)
    assert issubclass(DTypeError, AEFError)
