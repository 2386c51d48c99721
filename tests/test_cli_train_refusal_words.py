"""`aef train`'s refusals and warnings give their fixes in the command's words: no Python call, keyword or config class
left in them, and a model the flags build is the one the Python fix builds (its preset said: `aef train` without
--preset builds `small`). Table-driven over the refusals a config value or a stack's sources meet before the step
compiles. Was (session 39's sweep of `aef train`): '--warmup 10 must be in [0, --steps 5]: pass e.g. --warmup 0 (a
tenth of steps, what fit(--steps 5) takes ...)'; a stack without the model's source: 'e.g. preset('tiny', inputs=(...),
targets=(...)) (or a subset of them). With `aef train`: ..., e.g. --inputs ndvi --targets ndvi,dem' (an example of
sources the stack lacks); the unread-sources warning of `--preset tiny` offered `aef train --inputs ... --targets ...`,
which trains `small`."""
import contextlib
import io
import re
import warnings

import pytest

from alphaearth_nb import train
from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import shell_words

PYTHON = re.compile(r"\b(fit|preset|replace|TrainConfig|ModelConfig|drop_nodes)\(|dataclasses\.|\w=\(|\bsteps=\d")

CASES = {   # the words after `aef train` (the sample scene, --preset tiny) -> what its error or a warning must say
    "warmup past steps": (["--steps", "5", "--warmup", "10"],
                          "--warmup 10 must be in [0, --steps 5]: pass e.g. --warmup 0 (a tenth of the steps, what "
                          "`aef train --steps 5` takes when no warm-up is set)"),
    "a source the stack lacks": (["--inputs", "ndvi", "--targets", "ndvi"],
                                 "train a model of the stack's sources, e.g. `aef train --preset tiny --inputs "),
}


@pytest.mark.parametrize("case", CASES)
def test_the_fix_is_the_commands(case, tmp_path, monkeypatch):
    words, want = CASES[case]
    monkeypatch.setattr(train, "_cached_step", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("compiled")))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try: main(["--no-compile-cache", "train", "--preset", "tiny", "--out", str(tmp_path / "run"), *words])
        except RuntimeError as e: assert str(e) == "compiled"   # refused nothing: stopped where the step compiles
    said = [l.removeprefix("aef: error: ") for l in err.getvalue().splitlines() if l.startswith("aef: error: ")]
    said += [shell_words(str(x.message), "train") for x in w]   # what `aef` prints after 'aef: warning: '
    hit = [s for s in said if want in s]
    assert len(hit) == 1, (want, said)
    assert not PYTHON.search(hit[0]), hit[0]
    assert "ndvi,dem" not in hit[0], hit[0]   # no example of sources the stack lacks
