"""`aef train --steps` past 2**31 - 1 is refused by the option itself, offering aef's own default (1000 steps), not
TrainConfig's 100000 (was: `--steps 3000000000` and `--steps 1e30` said 'pass e.g. --steps 100000')."""
import re

import pytest

from alphaearth_nb import cli_args
from alphaearth_nb.cli_args import TRAIN_DEFAULTS


@pytest.mark.parametrize("given", ["3000000000", "1e30", "2147483648"])
def test_steps_past_count_max_offers_aefs_default(given, capsys):
    with pytest.raises(SystemExit):
        cli_args.parser().parse_args(["train", "--steps", given])
    err = capsys.readouterr().err
    assert "more than 2**31 - 1" in err, err
    assert re.findall(r"e\.g\. --steps[= ](\d+)", err) == [str(TRAIN_DEFAULTS["steps"])], err

def test_batch_size_past_count_max_offers_aefs_default(capsys):
    with pytest.raises(SystemExit):
        cli_args.parser().parse_args(["train", "--batch-size", "3000000000"])
    err = capsys.readouterr().err
    assert "more than 2**31 - 1" in err, err
    assert re.findall(r"e\.g\. --batch-size[= ](\d+)", err) == [str(TRAIN_DEFAULTS["batch_size"])], err

def test_the_largest_count_is_read():
    assert cli_args.parser().parse_args(["train", "--steps", "2147483647"]).steps == 2**31 - 1
