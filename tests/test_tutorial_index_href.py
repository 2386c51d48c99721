"""The official-embeddings tutorial shows which file GDAL reads for each tile of the index (`href`: the local
mirror's file offline), not only the index's `path`, an s3:// address even for the local copy it runs on, which read
as if the offline tutorial fetched from S3 (found following the tutorial as a newcomer)."""
import json
from pathlib import Path

NB = Path(__file__).resolve().parents[1] / "nbs" / "tutorials" / "02_official_embeddings.ipynb"


def _cell(key):
    cells = json.loads(NB.read_text())["cells"]
    return next(c for c in cells if key in "".join(c["source"]))


def test_the_index_cell_prints_the_address_read():
    c = _cell("off.tiles(BBOX")
    src = "".join(c["source"])
    assert '"href"' in src
    out = "".join("".join(o.get("text", "")) for o in c.get("outputs", []))
    header = out.splitlines()[0]
    assert header.split()[-1] == "href" and "s3://" not in out   # the stored output: the local files


def test_the_words_say_what_each_address_is():
    words = "".join(_cell("The index answers")["source"])
    assert "`path`" in words and "`href`" in words and "local mirror" in words
