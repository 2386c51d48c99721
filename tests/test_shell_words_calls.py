"""`cli_args.shell_words` leaves the arguments of a Python call written in a code span as they are: "use
`regress(emb, labels, column='value')`" keeps `column='value'` (was `regress(emb, labels, --label-column value)`, a
call of neither Python nor the shell), as a bare name in one (`g(batch_size, k)`). A keyword outside a call, in
prose or a code span of its own, is still the flag, and a call of `CALLS` still the command."""
from alphaearth_nb.cli_args import shell_words


def test_a_calls_keywords_in_a_code_span_are_kept():
    text = "use `regress(emb, labels, column='value')` or `g(batch_size, k)`"
    assert shell_words(text) == text


def test_keywords_outside_a_call_are_still_flags():
    got = shell_words("pass column='value', `column='x'`, then `f(a)` column='y' and batch_size; `fit(steps=3)`")
    assert got == "pass --label-column value, `--label-column x`, then `f(a)` --label-column y and --batch-size; " \
                  "`aef train`"
