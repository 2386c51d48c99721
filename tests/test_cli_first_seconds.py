"""`aef --help`, each command's --help and an argument error answer before the package loads (session 33): no JAX,
Equinox or command body is imported until the arguments are read (cli_args reads its rules through `_RULES`, cli
loads `commands` after parsing, and the package's import leaves `core` out in the `aef` process). Was: every `aef`
imported all 28 modules, JAX with them, before parsing (13 s wall for `aef --help` at load 2.8, 39 s at load 12)."""
import subprocess
import sys

import pytest

HEAVY = {"jax", "equinox", "matplotlib", "dask", "zarr", "xarray", "alphaearth_nb.core", "alphaearth_nb.commands",
         "alphaearth_nb.command_inputs", "alphaearth_nb.train_cmd", "alphaearth_nb.embed_cmd", "alphaearth_nb.evaluate_cmd",
         "alphaearth_nb.map_cmd"}


def _aef(*argv):
    "`(exit status, stdout, stderr without the import lines, the modules imported)` of `python -m alphaearth_nb.cli " \
    "ARGV`, the `aef` command."
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "alphaearth_nb.cli", *argv], capture_output=True,
                         text=True, timeout=300)
    lines = out.stderr.splitlines()
    mods = {l.rsplit("|", 1)[-1].strip() for l in lines if l.startswith("import time:")}
    return out.returncode, out.stdout, "\n".join(l for l in lines if not l.startswith("import time:")), mods


@pytest.mark.parametrize("argv, rc, said", [
    (["--help"], 0, "{demo,train,embed,evaluate,classify,similarity,change}"), (["train", "--help"], 0, "--steps"),
    (["embed", "--help"], 0, "--period"), (["evaluate", "--help"], 0, "--shots"), (["demo", "--help"], 0, "--out"),
    (["--version"], 0, "aef (alphaearth_nb)"),
    (["train", "--bogus"], 2, "--bogus is not a flag of aef train"),          # a flag of another tool or a typo
    (["evaluate"], 2, "required: --embeddings"),                               # a missing option (and --shots' default)
    (["embed", "run", "stack.zarr"], 2, "these words are not flags"),          # bare words, their flags guessed
    (["embed", "--checkpoint", "/nonexistent/run", "--period", "2024", "--out", "e.zarr"], 2, "does not exist"),
    (["frobnicate"], 2, "is no command of aef"),
    (["classify", "--help"], 0, "--labels"), (["similarity", "--help"], 0, "--points"), (["change", "--help"], 0, "--year"),
    (["classify", "--embeddings", ".", "--labels", "samples", "--out", "m.tif", "--k", "0"], 2, "e.g. --k=3"),
    (["change", "--embeddings", ".", "--year", "24", "--out", "c.tif"], 2, "e.g. --year=2024"),
])
def test_help_and_argument_errors_load_no_jax(argv, rc, said):
    got, out, err, mods = _aef(*argv)
    assert got == rc and said in out + err and not mods & HEAVY, (argv, got, out, err, sorted(mods & HEAVY))


def test_a_value_is_still_read_by_its_rule_and_the_command_runs_its_body(monkeypatch, capsys):
    "A bad value is refused by the package's own rule, and a command reaches `commands`' body; `cli.<name>` gives " \
    "the names of `commands`."
    from alphaearth_nb import cli, commands
    assert cli.main(["train", "--steps", "0"]) == 2 and cli.main(["evaluate", "--embeddings", ".", "--shots", "ten"]) == 2
    assert "1 or more, e.g. --steps=1000" in capsys.readouterr().err
    seen = []
    monkeypatch.setitem(commands.COMMANDS, "evaluate", lambda a: seen.append(a.shots))
    assert cli.main(["--no-compile-cache", "evaluate", "--embeddings", "."]) == 0 and seen == [(1, 10, "max")]
    assert cli.open_input is commands.open_input and cli.labels_from_csv is commands.labels_from_csv
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"): cli.no_such_name
