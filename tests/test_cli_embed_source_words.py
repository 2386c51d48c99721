"""`aef embed`'s refusals of a stack without the model's inputs give the fix in the command's words: a --data stack
that has them, --sources, --allow-missing; Python's `stack['sentinel2'] = ds` only beside them, for `model_sources`'
Python callers. Was (session 39's sweep): 'none of the model's inputs ['sentinel2'] would be embedded (...): add
['sentinel2'] to the stack (`stack['sentinel2'] = ds`)' under `aef embed`. Table-driven over the stacks a model of
inputs sentinel2 and sentinel1 meets."""
import re

import pytest
import xarray as xr

from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import MissingSourceError
from alphaearth_nb.embed_cmd import model_sources


class Model: cfg = type("C", (), {"inputs": ("sentinel2", "sentinel1"), "targets": ("sentinel2", "sentinel1", "dem")})

PYTHON = re.compile(r"`stack\[|= ds`|allow_missing=|drop_nodes\(")   # Python's forms, none in a shell

CASES = {   # the stack's sources, --sources, --allow-missing -> words the command's refusal must hold
    "no input at all": (("dem",), None, False, "`aef embed --data` of a stack that has them"),
    "no input at all, allowed missing": (("dem",), None, True, "`aef embed --data` of a stack that has them"),
    "one input absent": (("sentinel2", "dem"), None, False, "add ['sentinel1'] to the stack (`aef embed --data` of a "
                                                            "stack that has it), or pass --allow-missing"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_fix_is_the_commands(case):
    have, keep, allow, want = CASES[case]
    stack = xr.DataTree.from_dict({s: xr.Dataset() for s in have})
    with pytest.raises(MissingSourceError) as e: model_sources(stack, Model, keep, allow)
    said = shell_words(str(e.value), "embed")   # what `aef embed` prints after 'aef: error: '
    assert want in said and not PYTHON.search(said), said
    assert f"`stack['{[s for s in Model.cfg.inputs if s not in have][0]}'] = ds`" in str(e.value)   # Python's, for Python
