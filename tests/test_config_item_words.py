"""A config value refused inside a dict or tuple field is named as Python indexes it, and the fix offered is Python a
user can follow: `drop_source['landsat']=0.3`, `modes[2]=...`, `years[0]=2`, `frames['sentinel2']=16`,
`sources['gedi']=1.0`, `cloud_cover[1]=0.7` (the default of that item where there is one). Was: 'pass e.g. the drop_source of
landsat=0.3', 'each of modes=0.3333333333333333', 'each of years=2', 'the frames of sentinel2=16', 'the weight of
gedi=1.0', 'each of cloud_cover=0.2': no Python, and 'years=2' read as the field's whole value."""
import re

import pytest

from alphaearth_nb import corpus, losses, samples
from alphaearth_nb.core import ConfigError

CASES = [
    (lambda: losses.Perturbations(drop_frame={"sentinel2": "0.5"}), "drop_frame", "'sentinel2'", "0.5"),
    (lambda: losses.Perturbations(drop_source={"sentinel1": True}), "drop_source", "'sentinel1'", "0.3"),
    (lambda: losses.Perturbations(modes=(0.5, 0.5, True)), "modes", "2", "0.3333333333333333"),
    (lambda: corpus.CorpusConfig(years=(2, 4.5)), "years", "1", "4"),
    (lambda: corpus.CorpusConfig(cloud_cover=(0.2, "0.7")), "cloud_cover", "1", "0.7"),
    (lambda: samples.SamplerConfig(frames={"sentinel2": 2.5}), "frames", "'sentinel2'", "16"),
    (lambda: losses.LossWeights(sources={"gedi": "1"}), "sources", "'gedi'", "1.0"),
]


@pytest.mark.parametrize("make, field, item, example", CASES)
def test_an_item_is_named_as_python_indexes_it(make, field, item, example):
    with pytest.raises(ConfigError) as e:
        make()
    msg = str(e.value)
    assert msg.startswith(f"{field}[{item}]="), msg
    assert f"pass e.g. {field}[{item}]={example}" in msg, msg
    d = {field: {eval(item): None}} if item.startswith("'") else {field: [None] * 3}
    exec(re.search(r"pass e\.g\. (\S+?)(?: \(|\.$)", msg).group(1), {}, d)   # the fix as written runs as Python
    assert d[field][eval(item)] == float(example)
