"""The settings nn re-exports from the modules split from it (session 42: tracing's DTYPES, CPU_LOW_PRODUCTS,
CPU_LOW_MIN_WIDTH; convs' DW_CHUNK_BYTES, YNN_DW_MIN_OUT) are read there, not in nn: setting one on nn is a
`ConfigError` naming the module to set (`core.set_elsewhere`). Reading them on nn is as before, and nn's own settings
(TAP_SUMS_MAX_C) are set on nn as before. Was (bfd291f0 on): `nn.DW_CHUNK_BYTES = 1` or `monkeypatch.setattr(nn,
'CPU_LOW_MIN_WIDTH', 0)` took, and changed nothing (convs and tracing read their own)."""
import pytest

from alphaearth_nb import convs, nn, tracing
from alphaearth_nb.core import ConfigError

HOMES = {"DTYPES": tracing, "CPU_LOW_PRODUCTS": tracing, "CPU_LOW_MIN_WIDTH": tracing, "DW_CHUNK_BYTES": convs,
         "YNN_DW_MIN_OUT": convs}


@pytest.mark.parametrize("name", sorted(HOMES))
def test_setting_a_re_exported_setting_on_nn_names_its_module(name, monkeypatch):
    home = HOMES[name].__name__.rsplit(".", 1)[-1]
    before = getattr(nn, name)
    with pytest.raises(ConfigError, match=rf"set `aef\.{home}\.{name} = \.\.\.`"):
        setattr(nn, name, 0)
    with pytest.raises(ConfigError, match=rf"monkeypatch\.setattr\(aef\.{home}, '{name}'"):
        monkeypatch.setattr(nn, name, 0)
    assert getattr(nn, name) is before is getattr(HOMES[name], name)


def test_nns_own_settings_and_the_homes_are_set_as_before(monkeypatch):
    monkeypatch.setattr(nn, "TAP_SUMS_MAX_C", 0)
    assert nn.TAP_SUMS_MAX_C == 0
    monkeypatch.setattr(convs, "DW_CHUNK_BYTES", 1 << 10)
    monkeypatch.setattr(tracing, "CPU_LOW_MIN_WIDTH", 0)
    assert convs.DW_CHUNK_BYTES == 1 << 10 and tracing.CPU_LOW_MIN_WIDTH == 0
