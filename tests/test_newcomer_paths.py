"""A newcomer's paths to labels and points: `~` is the home folder for a CSV or vector file of places, as it is for
every other reader of the package (stores, GeoTIFFs, checkpoints); a missing one is named as what it may be; and the
docs name each function where it is.

Was: `emb.aef.classify('~/labels.csv')` 'no vector file at ~/labels.csv: check the path (GeoJSON, GeoPackage,
shapefile)' with the file there; `tables.read_table('~/t.csv')` pandas' FileNotFoundError; features' docstring named
`geo.labelled_cells`, which is `labels.labelled_cells`."""
import importlib, pkgutil, re
from pathlib import Path

import numpy as np, pandas as pd, pytest

import alphaearth_nb as aef
from alphaearth_nb.core import LabelError, MissingDataError
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def _emb():
    return embedding_from_array(random_unit((4, 5), seed=3))


def _points(emb):
    "Four labelled pixels: (row 0, col 0) 'a', (1, 2) 'b', (3, 4) 'a', (2, 1) 'b', x/y in the map's CRS."
    rc = [(0, 0), (1, 2), (3, 4), (2, 1)]
    return pd.DataFrame({"x": [float(emb.x[c]) for _, c in rc], "y": [float(emb.y[r]) for r, _ in rc],
                         "label": ["a", "b", "a", "b"]}), rc


def test_classify_reads_a_csv_under_home(home):
    emb = _emb()
    pts, rc = _points(emb)
    pts.to_csv(home / "pts.csv", index=False)
    got = emb.aef.classify("~/pts.csv", k=1)
    names = list(got.classes.values)
    # k=1: a labelled pixel's nearest labelled vector is its own (distance 0), so it keeps its label
    assert [names[int(got["class"].values[r, c])] for r, c in rc] == ["a", "b", "a", "b"]


def test_sample_reads_a_vector_file_under_home(home):
    gpd = pytest.importorskip("geopandas")
    emb = _emb()
    pts, rc = _points(emb)
    gpd.GeoDataFrame(pts[["label"]], geometry=gpd.points_from_xy(pts.x, pts.y), crs="EPSG:32631").to_file(
        home / "pts.geojson", driver="GeoJSON")
    got = emb.aef.sample("~/pts.geojson")
    bands = [f"A{i:02d}" for i in range(64)]
    for i, (r, c) in enumerate(rc):   # each point's vector is its pixel's
        np.testing.assert_array_equal(got[bands].to_numpy(np.float32)[i], emb.values[r, c])


def test_a_missing_table_of_points_is_named_as_a_table(tmp_path):
    with pytest.raises(LabelError, match="no file at .*nope.csv: check the path .*CSV or Parquet table"):
        _emb().aef.classify(str(tmp_path / "nope.csv"))


def test_read_table_home_and_missing(home):
    (home / "t.csv").write_text("x;y;label\n1,5;2;a\n")
    df = aef.tables.read_table("~/t.csv")
    assert list(df.columns) == ["x", "y", "label"] and df.x.tolist() == [1.5]   # ';' with a decimal comma
    with pytest.raises(MissingDataError, match="nope.csv does not exist: check the path"):
        aef.tables.read_table(home / "nope.csv")
    with pytest.raises(MissingDataError, match="is a folder, not a table"):
        aef.tables.read_table(home)


def test_docs_name_each_function_where_it_is():
    "A backticked `module.name` in the package's source names a function of the package in a module that has it."
    root = Path(aef.__file__).parent
    mods = {m.name: importlib.import_module(f"alphaearth_nb.{m.name}") for m in pkgutil.iter_modules([str(root)])
            if not m.name.startswith("_")}
    defined = {n for m, mod in mods.items() for n, o in vars(mod).items()
               if getattr(o, "__module__", None) == f"alphaearth_nb.{m}"}
    pat = re.compile(r"`(?:aef\.)?([a-z_][a-z_0-9]*)\.([A-Za-z_][A-Za-z_0-9]*)")
    bad = [f"{f.name}:{i}: `{m}.{n}`" for f in sorted(root.glob("*.py")) if not f.name.startswith("_")
           for i, line in enumerate(f.read_text().splitlines(), 1) for m, n in pat.findall(line)
           if m in mods and n in defined and not hasattr(mods[m], n)]
    assert not bad, bad


def test_local_mirror_without_samples_says_the_way_on(tmp_path, monkeypatch):
    "A fresh clone without the shared data: `build_local_mirror` names aef_samples and `fetch_tiles`, a real tile."
    monkeypatch.setenv("AEF_SHARED_DATA", str(tmp_path / "no_data"))
    with pytest.raises(MissingDataError, match=r"real data not found at .*no_data.* aef_samples data set .*"
                                               r"aef\.official\.fetch_tiles\("):
        aef.official.build_local_mirror(tmp_path / "mirror")
    assert not (tmp_path / "mirror").exists()   # nothing written
    with pytest.raises(MissingDataError) as given:   # a path the user gave: the reader's own message, naming it
        aef.official.build_local_mirror(tmp_path / "mirror", samples=tmp_path / "mine")
    assert "mine" in str(given.value) and "fetch_tiles" not in str(given.value)
