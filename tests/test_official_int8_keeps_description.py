"""`from_official(da, dequantize=False)` dropped the file's own TIFFTAG_IMAGEDESCRIPTION (session 54): it tagged the
int8 form AEF_QUANTIZATION so `as_embedding` took its bytes for codes, and that tag made `tags_read` take the file for
one of ours, whose description is dropped (it describes our int8 codes). An official file's own description is kept,
as `dequantize=True` keeps it; our own COG's is still read, not carried."""
import numpy as np

from alphaearth_nb.embeddings import from_official
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit

EMB = embedding_from_array(random_unit((4, 5), seed=3))


def test_the_files_own_description_is_kept_in_the_int8_form():
    t = official_tiff(quantize(EMB)).assign_attrs(TIFFTAG_IMAGEDESCRIPTION="AlphaEarth tile 31N 2024")
    for deq in (True, False):
        got = from_official(t, dequantize=deq)
        assert got.attrs.get("TIFFTAG_IMAGEDESCRIPTION") == "AlphaEarth tile 31N 2024", (deq, got.attrs)   # False: was dropped
        assert not any(str(k).startswith("AEF_") for k in got.attrs)
    assert from_official(t, dequantize=False).dtype == np.int8
