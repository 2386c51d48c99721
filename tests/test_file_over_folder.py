"A file output (a COG, a text file) named where a folder of other files is: refused with a file name as the fix."

import pytest

from alphaearth_nb import exports
from alphaearth_nb.core import NotOursError
from alphaearth_nb.files import write_text
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((8, 6)))
CLASSES = (EMB.isel(band=0) > 0).astype("int8").assign_attrs(crs="EPSG:32631")
WRITERS = {"COG": lambda p, **kw: EMB.aef.to_cog(p, **kw), "map COG": lambda p, **kw: exports.map_to_cog(CLASSES, p, **kw),
           "file": lambda p, **kw: write_text(p, "x", **kw)}


@pytest.mark.parametrize("what", list(WRITERS))
@pytest.mark.parametrize("overwrite", [False, True])
def test_a_folder_is_kept_and_a_file_name_offered(tmp_path, what, overwrite):
    d = tmp_path / "results.tif"
    d.mkdir(); (d / "notes.txt").write_text("mine")
    with pytest.raises(NotOursError) as e:
        WRITERS[what](d, overwrite=overwrite)
    msg = str(e.value)
    assert "new or empty folder" not in msg and "is a non-empty folder, not a file" in msg, msg   # was: 'write the COG to a new or
    name = msg.split("e.g. ", 1)[1].split(",")[0]                                    # empty folder instead'
    WRITERS[what](name)   # the fix as written works
    assert (d / "notes.txt").read_text() == "mine"
