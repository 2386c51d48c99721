"""help() showed only the first line of a parameter comment that runs onto a second, comment-only line (`fit`'s
batch_size stopped at 'left out with no config:'; about ten more): tools/param_docs.py now joins the comment-only
lines right below a parameter's comment that start in its column, and no other comment."""
import pydoc
from pathlib import Path
import ast

import pytest

import alphaearth_nb as aef

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def param_docs(load_script):
    return load_script(ROOT / "tools" / "param_docs.py")


def _read(param_docs, src):
    tree, notes, lines = ast.parse(src), param_docs.line_comments(src), [l.encode() for l in src.split("\n")]
    return {n: c for n, _, c in param_docs.signature_params(lines, tree.body[0], notes)}


def test_a_comment_on_two_lines_is_read_whole(param_docs):
    src = '''def f(a:int=1,    # the first line of a,
                  # its second line
      b=2,          # b alone
      # a section note, not in b's column
      c=3,          # c
     ):
    return a
'''
    got = _read(param_docs, src)
    assert got == {"a": "the first line of a, its second line", "b": "b alone", "c": "c"}, got


def test_help_of_fit_shows_batch_size_whole():
    text = pydoc.render_doc(aef.fit, renderer=pydoc.plaintext)
    assert "left out with no config: the run's on a resume, else `CPU_BATCH`" in text, text[:3000]
