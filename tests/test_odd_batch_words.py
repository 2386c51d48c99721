"""`runtime.step_devices`' words where it keeps one device (said in `aef train`'s plan): an odd batch was told
"it does not split over 2 devices; AEF_CPU_DEVICES=2 splits it anyway", but `dist.make_mesh` keeps the first devices
that divide the batch, so with 2 devices an odd batch still ran on one; and "2 devices" was said on any core count.
Now every `AEF_CPU_DEVICES=k` the words name divides the batch (so it splits), an odd batch that no count up to the
free cores divides is told to take an even --batch-size, and the counts are the machine's."""
import re

import pytest

from alphaearth_nb import runtime


@pytest.mark.parametrize("free", [1, 2, 3, 4, 8])
@pytest.mark.parametrize("preset,batch", [("tiny", 1), ("tiny", 3), ("tiny", 4), ("small", 3), ("small", 5),
                                          ("tiny", 9), ("tiny", 15), ("small", 2)])
def test_the_override_named_splits_the_batch(monkeypatch, free, preset, batch):
    monkeypatch.setattr(runtime, "_free_cores", lambda: free)
    n, why = runtime.step_devices(preset, batch)
    if n is not None: return
    told = re.findall(r"AEF_CPU_DEVICES=(\d+) splits it anyway", why)
    for k in told:
        assert batch % int(k) == 0, why                                  # make_mesh keeps k: the batch splits
    if batch % 2 and not told: assert "an even --batch-size" in why, why   # what the user can do
    m = re.search(r"(\d+) devices", why)
    if m and "would give" in why: assert batch % int(m[1]) == 0 and int(m[1]) <= free, why


def test_odd_batch_words(monkeypatch):
    monkeypatch.setattr(runtime, "_free_cores", lambda: 2)
    n, why = runtime.step_devices("small", 3)
    assert n is None and "batch 3 is odd" in why and "AEF_CPU_DEVICES=2 splits it anyway" not in why
    assert "an even --batch-size" in why
    monkeypatch.setattr(runtime, "_free_cores", lambda: 4)
    n, why = runtime.step_devices("tiny", 9)                            # 3 divides 9: said, not 2
    assert n is None and "would give 3 devices" in why and "AEF_CPU_DEVICES=3 splits it anyway" in why
