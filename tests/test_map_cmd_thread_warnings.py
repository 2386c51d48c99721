"""`aef similarity` and `aef classify` read the warnings of the calls they quiet (`places.sample`'s words for points
off the map, put in the refusal; `analysis.training_set`'s, said once by `classify`) with `per_year`'s recorder of
this thread's warnings, not `warnings.catch_warnings`: that swaps the process's filter list (every thread's, before
Python 3.14) and set its own ('always', 'ignore') over the user's while the call ran."""
import warnings

import numpy as np
import pytest

from alphaearth_nb import analysis, map_cmd
from alphaearth_nb.cli import main
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rioxarray")


@pytest.fixture()
def two_fields(tmp_path):
    "A 10 x 10 map (10 m, UTM 31N): the west half near one vector, the east near another; its COG and a class raster."
    base = random_unit((2,), seed=1)
    cls = np.repeat((np.arange(10) >= 5)[None, :], 10, 0).astype(np.int16)
    v = base[cls] + 0.05 * np.random.default_rng(0).normal(size=(10, 10, 64))
    e = embedding_from_array((v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32))
    to_cog(e, tmp_path / "e.tif")
    lab = e.isel(band=0, drop=True).copy(data=np.where(np.arange(10)[:, None] < 3, cls, -1).astype(np.int16))
    lab.attrs = {"crs": e.attrs["crs"], "_FillValue": -1}
    lab.rio.write_crs(e.attrs["crs"], inplace=True).rio.to_raster(tmp_path / "lab.tif")
    return e, tmp_path


def _users_filters(extra):
    "The filter list a user set: 'default', and `extra` ('error' of a kind this command never gives) first."
    warnings.simplefilter("default")
    warnings.simplefilter(*extra)
    return list(warnings.filters)


def test_similarity_samples_under_the_users_filters(two_fields, monkeypatch):
    e, d = two_fields
    seen, real = [], map_cmd.sample
    monkeypatch.setattr(map_cmd, "sample", lambda *a, **k: (seen.append(list(warnings.filters)), real(*a, **k))[1])
    x, y = float(e.x[7]), float(e.y[2])
    with warnings.catch_warnings():   # the user's own filters, around the command
        mine = _users_filters(("error", ResourceWarning))
        assert main(["similarity", "--embeddings", str(d / "e.tif"), "--point", f"{x},{y}", "--crs", "EPSG:32631",
                     "--out", str(d / "s.tif")]) == 0
        assert warnings.filters == mine
    assert seen == [mine]   # not 'always' over them (the base's catch_warnings(record=True) + simplefilter)


def test_similarity_off_the_map_names_the_bounds_where_a_filter_hides_samples_words(two_fields, capsys):
    e, d = two_fields
    for hide in (False, True):   # as said (the bounds in places.sample's words), and with its NoDataWarning ignored
        with warnings.catch_warnings():
            warnings.simplefilter("ignore" if hide else "always", NoDataWarning)
            assert main(["similarity", "--embeddings", str(d / "e.tif"), "--point", "10.0,10.0",
                         "--out", str(d / "s.tif"), "--overwrite"]) == 2
        err = capsys.readouterr().err
        assert "none of the 1 points lies on a pixel with data" in err and "pixels of no data" not in err, err
        assert "off the map" in err or "the map spans" in err, err
        if hide: assert "which spans x 500000 to 500100, y 4999900 to 5000000 in EPSG:32631: pass points inside it" \
            in err, err


def test_classify_counts_labelled_pixels_under_the_users_filters(two_fields, monkeypatch, capsys):
    e, d = two_fields
    seen, real = [], analysis.training_set
    monkeypatch.setattr(analysis, "training_set",
                        lambda *a, **k: (seen.append(list(warnings.filters)), real(*a, **k))[1])
    with warnings.catch_warnings():
        mine = _users_filters(("error", ResourceWarning))
        assert main(["classify", "--embeddings", str(d / "e.tif"), "--labels", str(d / "lab.tif"), "--k", "1",
                     "--out", str(d / "c.tif")]) == 0, capsys.readouterr().err
        assert warnings.filters == mine
    assert seen and all(s == mine for s in seen), seen   # not 'ignore' over them for the count
    assert "30 of the map's 100 pixels (30%) are labelled" in capsys.readouterr().out
