"""A GeoTIFF's tiling tags (AEF_TILE, AEF_BUFFER, AEF_TRIM) are read back as numbers by core.decimal, the one reading
of number text: '128' is 128, ' +16 ' 16; other text stays text. Was: its own test, str.isdecimal after stripping
every leading '-', so '--5' passed it and int() raised a bare ValueError, and '١٢٨' (another script's digits) was read
as 128, where every other number text of the package is refused so."""
import pytest

from alphaearth_nb.core import decimal
from alphaearth_nb.embeddings import provenance_attrs, provenance_tags


@pytest.mark.parametrize("text", ["128", " +16 ", "-3", "0", "--5", "١٢٨", "1_0", "12.0", "abc", "1e3"])
def test_tiling_tags_read_as_decimal_reads_them(text):
    got = provenance_attrs({"AEF_TILE": text, "AEF_TRIM": text})
    want = decimal(text)
    for a in ("tile", "trim"):
        assert got[a] == (text if want is None else want) and type(got[a]) is (str if want is None else int)


def test_written_numbers_come_back():
    attrs = {"tile": 128, "buffer": 16, "trim": 8, "source": "aef"}
    assert provenance_attrs(provenance_tags(attrs)) == attrs
