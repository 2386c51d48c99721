"""core.decimal's docstring says what reads '10.0' and '1e3' where decimal gives None: aef's count options do
(`cli_args._count`, 10 and 1000). Was: 'None for ... for an int, '10.0' and '1e3'. The one reading of number text:
`aef`'s options (--steps, ...)', which told a reader --steps 1e3 is refused, when it trains 1000 steps."""
from alphaearth_nb import cli_args, core


def test_decimal_gives_none_and_its_doc_names_who_reads_them():
    assert core.decimal("10.0") is None and core.decimal("1e3") is None
    doc = " ".join(core.decimal.__doc__.split())
    assert "`count_text`: '10.0' is 10, '1e3' 1000" in doc, doc   # core.count_text since s40 (was cli_args._count)

def test_the_options_read_them_as_the_doc_says():
    a = cli_args.parser().parse_args(["train", "--steps", "1e3", "--batch-size", "10.0"])
    assert (a.steps, a.batch_size) == (1000, 10)
