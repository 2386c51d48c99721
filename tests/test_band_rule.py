"""`bands.band_columns` is `bands._band_positions` (the rule: three readings, two refusals) with its words: the two
agree on every kind of labels, a refusal names each label at fault, and the readings keep their answers."""
import pytest

from alphaearth_nb.bands import _band_positions, band_columns
from alphaearth_nb.core import DimensionError, band_names

B = band_names()
CASES = {"A00..A63": (B, list(range(64))),
         "reversed": (B[::-1], list(range(63, -1, -1))),
         "band_1..": ([f"band_{i + 1}" for i in range(64)], list(range(64))),
         "among others": (["lon", "lat", *B, "label"], list(range(2, 66))),
         "a0..a63": (["label", *(f"a{i}" for i in range(64))], list(range(1, 65))),
         "embedding_N among others": (["id", *(f"embedding_{i}" for i in range(64))], list(range(1, 65))),
         "a stray A1": (["A1", *B], list(range(1, 65))),
         "63 bands": (B[:63], {"missing": ["A63"]}),   # session 49: refused, was generic features
         "A00..A30": (B[:31], None),                   # fewer than half the bands: generic features
         "B00..": ([f"B{i:02d}" for i in range(65)], None),
         "A64": ([*B, "A64"], {"past": ["A64"]}),
         "A64..A99, a64": ([*B, *(f"A{i}" for i in range(64, 100)), "a64"], None),
         "embedding_64": ([f"embedding_{i}" for i in range(65)], {"past": ["embedding_64"]}),
         "a00..a63 beside A1": ([*(b.lower() for b in B), "A1"], {"twice": [["a01", "A1"]]})}


@pytest.mark.parametrize("case", list(CASES))
def test_the_rule_and_its_words_agree(case):
    names, want = CASES[case]
    got = _band_positions(list(names))
    if want is not None or not isinstance(got, dict): assert got == want, got
    if not isinstance(got, dict):
        assert band_columns(names) == got
        return
    with pytest.raises(DimensionError) as e:
        band_columns(names, "the labels")
    said = str(e.value)
    if "missing" in got:   # an embedding table without some bands: named, and no column to drop
        assert said.startswith("the labels lacks the embedding columns") and all(b in said for b in got["missing"])
        return
    assert said.startswith("the labels names bands") and "df.drop(columns=" in said
    for label in (got["past"][:4] if "past" in got else [x for p in got["twice"][:3] for x in p]):
        assert str(label) in said, (label, said)
