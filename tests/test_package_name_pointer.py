"""`aef.aggregate`, `aef.sample`, `aef.load_model`, `aef.to_cog`: a plain AttributeError, while `aef.classify` exists at
the top level and `aef.ConfigError` points to aef.core.ConfigError: each now names the module that defines it (read
from nbdev's index) and the `.aef` method where an embedding map has one. Fails on f65dc79a."""
import pytest

import alphaearth_nb as aef


@pytest.mark.parametrize("name, said", [
    ("aggregate", "aggregate is aef.zones.aggregate (`from alphaearth_nb.zones import aggregate`), or `emb.aef.aggregate(...)`"),
    ("load_model", "load_model is aef.train.load_model (`from alphaearth_nb.train import load_model`)"),
    ("to_cog", "to_cog is aef.exports.to_cog"),
    ("embed_to_zarr", "aef.embed.embed_to_zarr")])
def test_a_submodules_name_is_pointed_to(name, said):
    with pytest.raises(AttributeError, match="has no attribute") as e: getattr(aef, name)
    assert said in str(e.value), str(e.value)


def test_no_name_stays_plain():
    with pytest.raises(AttributeError) as e: aef.no_such_thing_anywhere
    assert str(e.value) == "module 'alphaearth_nb' has no attribute 'no_such_thing_anywhere'"
    assert not hasattr(aef, "_private_probe")
