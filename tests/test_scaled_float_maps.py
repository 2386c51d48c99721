"""A float map scaled by a power of ten (`emb * 100`, integers x10000) is named as scaled, not as a fill (session 30).

Unit vectors times 100 or 10000 (an export that kept 2 or 4 decimals as integers, a float map multiplied to save it
as int16) are no embedding as given: every pixel was treated as no data with the advice 'check the reader's fill
value', which leads nowhere. Now the warning names the scale and the fix (`gate.scale_hint`), on the float gate
(`as_embedding`, so every reader of a map) and on the int8 form (`as_embedding(dequantize=False)`); other junk keeps
the fill advice."""

import numpy as np
import pytest

from alphaearth_nb.core import DTypeError

from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit, warned_text


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((4, 5), seed=2))


@pytest.mark.parametrize("scale,form", [(100, "float"), (100, "round"), (10000, "float"), (10000, "round"),
                                        (1000, "float"), (10000, "int16"), (100, "int32")])
def test_a_scaled_map_is_named_with_its_scale(emb, scale, form):
    a = emb * scale
    a = {"float": a, "round": np.round(a), "int16": np.round(a).astype(np.int16), "int32": np.round(a).astype(np.int32)}[form]
    msg = warned_text(as_embedding, a, sep=" ")[1]
    assert f"lengths are about {scale}" in msg and f"`emb = emb / {scale}`" in msg and "fill value" not in msg, msg
    fixed = a / scale
    assert warned_text(as_embedding, fixed, sep=" ")[1] == ""
    np.testing.assert_allclose(as_embedding(fixed).values, emb.values, atol=1.0 / scale if form != "float" else 1e-6)   # rounded: within a step


def test_the_int8_form_of_an_int16_map_scaled_by_10000_names_it(emb):   # refused since session 32 (read as codes)
    a = np.round(emb * 10000).astype(np.int16)
    with pytest.raises(DTypeError) as e:
        as_embedding(a, dequantize=False)
    msg = str(e.value)
    assert "are no codes" in msg and "lengths are about 10000" in msg and "fill value" not in msg, msg


def test_junk_of_no_scale_keeps_the_fill_advice(emb):
    rng = np.random.default_rng(0)
    a = emb.copy(data=rng.uniform(0, 500, emb.shape).astype(np.float32))   # lengths about 2300: no power of ten
    msg = warned_text(as_embedding, a, sep=" ")[1]
    assert "check the reader's fill value" in msg and "lengths are about" not in msg, msg


def test_a_scaled_cog_read_by_read_cog_names_a_fix_that_works_on_the_file(emb, tmp_path):
    """`read_cog` of a GeoTIFF exported as `emb * 100` gives a map of no data (the gate, warned): `emb = emb / 100`
    of that map is no data again, so the warning names the file's fix too, its values divided as stored, which, run
    as written, reads the map back (was: only `emb = emb / 100`, a fix that leads nowhere after a reader)."""
    import re
    rioxarray = pytest.importorskip("rioxarray")
    from alphaearth_nb.analysis import similarity
    from alphaearth_nb.exports import read_cog
    path = str(tmp_path / "scaled.tif")
    (emb * 100).astype("float32").rio.write_crs("EPSG:32631").transpose("band", "y", "x").rio.to_raster(path)
    msg = warned_text(read_cog, path, sep=" ")[1]
    assert "lengths are about 100" in msg, msg
    code = re.search(r"`(emb = rioxarray[^`]+)`", msg)
    assert code, msg
    env = {"rioxarray": rioxarray, "path": path}
    exec(code[1], env)
    assert warned_text(as_embedding, env["emb"], sep=" ")[1] == ""
    np.testing.assert_allclose(as_embedding(env["emb"]).values, emb.values, atol=1e-6)
    assert float(similarity(env["emb"], env["emb"].isel(x=0, y=0)).max()) == pytest.approx(1.0, abs=1e-5)
