"README.md (made from nbs/index.ipynb by `make readme`): the quick start a newcomer reads first."
import re
from pathlib import Path

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def _quick_start() -> str:
    return README.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def test_quick_start_is_the_two_make_commands():
    block = re.search(r"```sh\n(.*?)```", _quick_start(), re.S).group(1)
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines()]
    assert [c for c in commands if c] == ["make demo", "make test"]


def test_quick_start_says_how_long_the_demo_takes_and_what_its_headline_means():
    qs = _quick_start()
    assert re.search(r"On 2 idle cores `make demo` then takes about \d+ minutes", qs)
    assert "not expected to beat the raw-band baseline" in qs and "not a failure" in qs


def test_python_snippet_says_it_needs_the_demo_and_the_repository_root():  # newcomer: load_model("out/demo/run")
    before, snippet = re.search(r"((?:[^\n]*\n){3})```python\n(.*?)```", README, re.S).groups()
    if "out/demo/run" in snippet:
        assert "after `make demo`" in before and "repository root" in before


def test_python_snippet_few_shot_map_is_few_shot():
    "The 'few-shot map' line trained on all 22,500 labelled pixels; run the snippet (a random embedding on the scene's"
    " grid in place of the demo's model) and count the labels classify gets: 10 per class."
    import numpy as np
    from alphaearth_nb.testing import embedding_from_array, random_unit
    snippet = re.search(r"```python\n(.*?)```", README, re.S).group(1)
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
