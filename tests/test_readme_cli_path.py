"""README says where `make` put the commands (`.venv/bin`, not on PATH: `aef` alone was 'command not found' after
`make demo`) and how to open the tutorials (JupyterLab is not in the `dev` extra), and shows the own-model path on
the command line, `aef train` -> `aef embed` -> `aef evaluate`, each line one the parser takes, the run folder and
the store passed on, and says what the printed table's columns mean (balanced_accuracy, std, same_as). Was: the
README named the four commands in a list and showed the own-model path in Python only."""
import re
import shlex
from pathlib import Path

from alphaearth_nb import cli_args

ROOT = Path(__file__).resolve().parents[1]


def _readme():
    return (ROOT / "README.md").read_text()


def test_readme_says_where_the_commands_are():
    quick = _readme().split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert ".venv/bin/aef" in quick and "source .venv/bin/activate" in quick
    assert "jupyter lab nbs/tutorials" in quick and "pip install jupyterlab" in quick


def test_readme_cli_path_parses_and_chains(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)   # the parser checks that --checkpoint and --embeddings exist: made as each step would
    text = _readme()
    block = next(b for b in re.findall(r"```sh\n(.*?)```", text, re.S) if "aef train" in b and "aef evaluate" in b)
    args = {}
    for line in block.splitlines():
        words = shlex.split(line.split("#", 1)[0])
        assert words[0] == ".venv/bin/aef", line
        ns = cli_args.parser().parse_args(words[1:])   # a wrong flag is SystemExit here
        args[words[1]] = ns
        if getattr(ns, "out", None): (tmp_path / ns.out).mkdir(parents=True)   # what the step writes
    assert list(args) == ["train", "embed", "evaluate"]
    assert args["embed"].checkpoint == args["train"].out and args["evaluate"].embeddings == args["embed"].out
    assert args["evaluate"].labels == "samples"
    after = text.split(block, 1)[1][:2000]   # the paragraph under the block says what the columns hold
    assert all(w in after for w in ("balanced_accuracy", "std", "same_as"))
