"A second bare store word (`aef embed --data a.zarr --out o b.zarr`) is said to have no flag of aef embed left for it, in plain words."
import argparse
from alphaearth_nb.cli_args import parser, _bare_words

def _sub(name): return [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)][0].choices[name]

def test_store_word_no_flag_left():
    err = _bare_words(_sub("embed"), "embed", ["--data", "a.zarr", "--out", "o", "b.zarr"])
    assert "b.zarr looks like a stack or an embeddings store (.zarr): no flag of aef embed is left for it" in err, err
    assert "of no flag" not in err, err
