"""A `source` that is no mirror and no folder here (`official.open(bbox, 2024, source="nothere")`, a misspelt mirror
name) is said unknown, the mirrors listed and a close name offered; a folder inside a mirror (a year's folder of its
layout) names the mirror's root to pass. Was: 'no aef_index.parquet in nothere' for all of them."""
import pytest

from alphaearth_nb import official
from alphaearth_nb.core import MirrorError
from alphaearth_nb.mirrors import INDEX_NAME, mirror_of

BBOX = (6.0, 45.0, 6.01, 45.01)


@pytest.mark.parametrize("source, near", [("nothere", None), ("sourcecoop", "source_coop"), ("source-coop", "source_coop"),
                                          ("GCS", "gcs")])
def test_unknown_names_say_so(source, near):
    with pytest.raises(MirrorError) as e: official.open(BBOX, 2024, source=source)
    msg = str(e.value)
    assert f"source={source!r} is unknown" in msg and "'source_coop', 'gcs'" in msg and INDEX_NAME not in msg, msg
    assert (f"did you mean source={near!r}" in msg) == (near is not None), msg
    if near: assert mirror_of(near).name == near   # the name offered is a mirror


def test_a_folder_inside_a_mirror_names_its_root(tmp_path):
    (tmp_path / INDEX_NAME).write_bytes(b"PAR1")
    (tmp_path / "2024" / "31N").mkdir(parents=True)
    for inner in (tmp_path / "2024", tmp_path / "2024" / "31N"):
        with pytest.raises(MirrorError, match=f"pass source={str(tmp_path.resolve())!r}"): mirror_of(inner)
    assert mirror_of(tmp_path).index == str(tmp_path / INDEX_NAME)   # the root it names is taken
    with pytest.raises(MirrorError, match=f"no {INDEX_NAME} in"): mirror_of(tmp_path.parent)   # no mirror's: as before
