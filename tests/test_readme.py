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
