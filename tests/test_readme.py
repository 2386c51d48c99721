"README.md (made from nbs/index.ipynb by `make readme`): the quick start a newcomer reads first."
import re
from pathlib import Path

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def _quick_start() -> str:
    return README.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def _python_block(marker:str) -> str:
    "The one ```python block of the README that holds `marker`."
    blocks = [b for b in re.findall(r"```python\n(.*?)```", README, re.S) if marker in b]
    assert len(blocks) == 1, f"{len(blocks)} python blocks hold {marker!r}"
    return blocks[0]


def test_quick_start_is_the_two_make_commands():
    block = re.search(r"```sh\n(.*?)```", _quick_start(), re.S).group(1)
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines()]
    assert [c for c in commands if c] == ["make demo", "make test"]


def test_quick_start_says_how_long_the_demo_takes_and_what_its_headline_means():
    qs = _quick_start()
    assert re.search(r"On 2 idle cores `make demo` then takes about \d+ minutes", qs)
    assert "not expected to beat the raw-band baseline" in qs and "not a failure" in qs


def test_python_snippet_says_it_needs_the_demo_and_the_repository_root():  # newcomer: load_model("out/demo/run")
    blocks = re.findall(r"((?:[^\n]*\n){4})```python\n(.*?)```", README, re.S)
    for before, snippet in blocks:
        if "out/demo/run" in snippet:
            assert "after `make demo`" in before and "repository root" in before


def test_python_snippet_few_shot_map_is_few_shot():
    "The 'few-shot map' line trained on all 22,500 labelled pixels; run the snippet (a random embedding on the scene's"
    " grid in place of the demo's model) and count the labels classify gets: 10 per class."
    import numpy as np
    from alphaearth_nb.testing import embedding_from_array, random_unit
    snippet = _python_block("load_scene()")
    lines = [l for l in snippet.splitlines() if "load_model(" not in l]
    lines = [("emb = FAKE(labels)" if l.startswith("emb = ") else l) for l in lines]
    call = [l for l in lines if ".aef.classify(" in l]
    assert len(call) == 1
    fake = lambda labels: embedding_from_array(random_unit((labels.sizes["y"], labels.sizes["x"]))).assign_coords(
        y=labels.y.values, x=labels.x.values).assign_attrs(crs=labels.attrs["crs"])
    ns = {"FAKE": fake}
    exec("\n".join(lines).replace(call[0], "RESULT = " + call[0]), ns)
    given = ns[re.search(r"\.aef\.classify\((\w+)", call[0]).group(1)]
    got = given["label"].to_numpy() if hasattr(given, "columns") else np.asarray(given).ravel()
    counts = np.bincount(got[got >= 0].astype(int))
    assert set(counts[counts > 0]) == {10}, counts
    assert ns["RESULT"]["class"].shape == (150, 150)


def test_first_python_snippet_is_the_offline_one_and_names_the_online_line():
    "The first snippet a reader copies ran only online (the public mirror); now it builds a local mirror and reads it"
    " (`source=`), the online `source` one commented line beside it."
    first = re.findall(r"```python\n(.*?)```", README, re.S)[0]
    assert "aef.official.build_local_mirror(" in first and "source=source)" in first
    assert any(l.startswith('# source = "source_coop"') for l in first.splitlines())


def test_official_snippet_runs_offline_as_written(shared_data, tmp_path, monkeypatch):
    "The README's official-embeddings lines, run as written with the network cut (a socket's connect raises) in an"
    " empty folder: each map comes back on the cube's grid (a lon/lat point read as lon/lat, four labels' classes)."
    import socket
    import numpy as np
    snippet = _python_block("aef.official.open(")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AEF_SHARED_DATA", str(shared_data))   # where build_local_mirror finds aef_samples
    def refuse(*a, **k): raise OSError("the README's offline snippet reached for the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    ns = {}
    exec(snippet, ns)
    assert (tmp_path / "mirror").is_dir()
    grid = ns["e24"].isel(band=0).shape
    assert ns["sim"].shape == grid and np.nanmax(ns["sim"].values) > 0.99   # the point's own pixel
    assert ns["chg"].shape == grid and ns["pts"]["inside"].all()
    assert list(ns["classes"]["class"].attrs["class_names"]) == ["crop", "forest", "water"]
    assert type(ns["m"]).__name__ == "Explorer"


def test_python_snippet_scores_spaced_pixels_each_at_its_own_place(monkeypatch):
    "The own-model snippet classified from 80 labels and scored nothing; a notebook user scoring a map's labelled"
    " pixels with `evaluate_embeddings` got neighbours scored against neighbours (newcomer s55 #4: 0.73 where points"
    " 50 m apart give 0.40). Now its last line passes `xy=` and `spacing=`, as `aef evaluate` spaces points: run it"
    " (a random embedding on the scene's grid) and check each row's coordinates are its own pixel's."
    import numpy as np
    import alphaearth_nb as aef
    from alphaearth_nb.testing import embedding_from_array, random_unit
    snippet = _python_block("load_scene()")
    assert "evaluate_embeddings(" in snippet and "xy=" in snippet and "spacing=" in snippet
    lines = [("emb = FAKE(labels)" if l.startswith("emb = ") else l) for l in snippet.splitlines() if "load_model(" not in l]
    fake = lambda labels: embedding_from_array(random_unit((labels.sizes["y"], labels.sizes["x"]))).assign_coords(
        y=labels.y.values, x=labels.x.values).assign_attrs(crs=labels.attrs["crs"])
    seen = {}
    monkeypatch.setattr(aef, "evaluate_embeddings", lambda x, y, **kw: seen.update(x=x, y=y, **kw))
    ns = {"FAKE": fake}
    exec("\n".join(lines), ns)
    emb, lab, xy = ns["emb"], ns["lab"], np.asarray(seen["xy"])
    assert seen["spacing"] > 0 and xy.shape == (lab.size, 2) and len(seen["x"]) == len(seen["y"]) == lab.size
    for i in (0, 1, 151, lab.size - 1):   # row i: its vector, its label and its centre are one pixel's
        r, c = np.unravel_index(i, lab.shape)
        np.testing.assert_array_equal(seen["x"][i], emb.values[r, c])
        assert seen["y"][i] == lab.values[r, c] and tuple(xy[i]) == (float(lab.x[c]), float(lab.y[r]))
