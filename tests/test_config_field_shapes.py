"""Every field of every config, given a value of the wrong shape (one number for a tuple, text, a bool, None, pairs
of bools, a float past 2**53), is read or refused by a `ConfigError` that names the field, the value and a fix: never
Python's raw TypeError / ValueError, never a bool read as a number. Was (session 38's queue, 6): CorpusConfig(years=2024)
TypeError 'int' object is not iterable; cloud_cover='20%' ValueError 'too many values to unpack'; cloud_cover=(False,
0.7) read as (0, 0.7); Perturbations(drop_source=(True, False)) TypeError 'cannot unpack non-iterable bool object';
modes='0.3' read letter by letter ("each of modes='0'"); SamplerConfig(frames=(8, 4)) and ModelConfig/SamplerConfig
(sources=None) TypeError; CorpusConfig(start_year=True) a PeriodError naming no field; Perturbations(drop_sources=...)
TypeError 'unexpected keyword argument'."""
import dataclasses
import re

import pytest

from alphaearth_nb.core import AEFError, ConfigError, UnknownFieldError
from alphaearth_nb.corpus import CorpusConfig
from alphaearth_nb.losses import Perturbations
from alphaearth_nb.model import ModelConfig
from alphaearth_nb.samples import SamplerConfig
from alphaearth_nb.step import TrainConfig
from alphaearth_nb.stp import STPConfig

TINY_STP = dict(patch=16, d_space=16, d_time=16, d_precision=16, blocks=1)
MAKE = {   # each config, made with one field given (the others their defaults)
    TrainConfig: lambda **kw: TrainConfig(**kw), STPConfig: lambda **kw: STPConfig(**kw),
    ModelConfig: lambda **kw: ModelConfig(**{"stp": TINY_STP, **kw}), SamplerConfig: lambda **kw: SamplerConfig(**kw),
    CorpusConfig: lambda **kw: CorpusConfig(**kw), Perturbations: lambda **kw: Perturbations(**kw)}
WRONG = (None, True, False, "20%", "8", (True, False), 1e30, 2**40, 0.5, -1, (), ("a",), {"a": 1})


@pytest.mark.parametrize("cls", MAKE, ids=lambda c: c.__name__)
def test_every_field_reads_or_refuses_in_our_words(cls):
    "Each field and each wrong value: made (then the field holds no bool where a number is meant) or a ConfigError " \
    "naming the field; never another exception."
    for f in dataclasses.fields(cls):
        for v in WRONG:
            try: made = MAKE[cls](**{f.name: v})
            except ConfigError as e:   # named: the field, or the key of a dict of a config's fields (stp={'a': 1})
                assert re.search(rf"\b{f.name}\b", str(e)) or isinstance(e, UnknownFieldError), (cls.__name__, f.name,
                                                                                                  v, str(e))
                continue
            except AEFError as e:   # a source name that is none: UnknownSourceError naming it (inputs='20%')
                assert repr(v) in str(e) or repr(v[0]) in str(e), (cls.__name__, f.name, v, str(e))
                continue
            except Exception as e:  # noqa: BLE001 -- the failure this test names
                pytest.fail(f"{cls.__name__}({f.name}={v!r}): {type(e).__name__} {e}")
            got = getattr(made, f.name)
            if isinstance(v, bool) and not isinstance(f.default, bool) and f.name != "stp":
                assert got is None or not isinstance(got, (int, float)) or isinstance(got, bool) and got is v, \
                    (cls.__name__, f.name, v, got)   # a bool kept as a number: True was 1.0


CASES = [   # (config, field, value, words of the refusal: the field, the value, the fix)
    (CorpusConfig, "years", 2024, r"^years=2024 is one number, not a tuple of 2 values: pass e\.g\. years=\(2, 4\); the "
                                  r"first calendar year is start_year, e\.g\. start_year=2024\.$"),
    (CorpusConfig, "years", (2024,), r"^years=\(2024,\) holds 1 value, not 2: pass e\.g\. years=\(2, 4\)"),
    (CorpusConfig, "years", "2024", r"^years='2024' is text, not a tuple of 2 values: pass e\.g\. years=\(2, 4\)"),
    (CorpusConfig, "cloud_cover", "20%", r"^cloud_cover='20%' is text, not a tuple of 2 values: pass e\.g\. "
                                         r"cloud_cover=\(0\.2, 0\.7\) .*\(0\.2, 0\.2\) for 20% everywhere"),
    (CorpusConfig, "cloud_cover", "20", r"^cloud_cover='20' is text"),
    (CorpusConfig, "cloud_cover", 0.2, r"^cloud_cover=0\.2 is one number, not a tuple of 2 values"),
    (CorpusConfig, "cloud_cover", (0.2, 0.5, 0.7), r"^cloud_cover=\(0\.2, 0\.5, 0\.7\) holds 3 values, not 2"),
    (CorpusConfig, "cloud_cover", (False, 0.7), r"^cloud_cover\[0\]=False is not a number: pass e\.g\. cloud_cover\[0\]=0\.2"),
    (CorpusConfig, "cloud_cover", (20, 70), r"must lie in \[0, 0\.75\].*\(fractions, not percent: \(20\.0, 70\.0\) % "
                                            r"is \(0\.2, 0\.7\)\)"),
    (CorpusConfig, "start_year", True, r"^start_year=True is not a calendar year in 1900\.\.2100: pass e\.g\. "
                                       r"start_year=2020"),
    (CorpusConfig, "start_year", 2020.5, r"^start_year=2020\.5 is not a calendar year"),
    (Perturbations, "drop_source", (True, False), r"^drop_source=\(True, False\) holds True, not a \(family, "
                                                  r"probability\) pair: pass e\.g\. drop_source=\{'landsat': 0\.3"),
    (Perturbations, "drop_source", 0.3, r"^drop_source=0\.3 is one number, not a tuple: pass e\.g\. .*or "
                                        r"drop_source=\{\} for none"),
    (Perturbations, "drop_frame", "landsat", r"^drop_frame='landsat' is text, not a tuple"),
    (Perturbations, "drop_source", (("landsat",),), r"holds \('landsat',\), not a \(family, probability\) pair"),
    (Perturbations, "drop_source", None, r"^drop_source=None is None, not a tuple"),
    (Perturbations, "modes", "0.3", r"^modes='0\.3' is text, not a tuple of 3 values: pass e\.g\. modes=\(0\.5, "
                                    r"0\.25, 0\.25\)"),
    (Perturbations, "modes", 0.5, r"^modes=0\.5 is one number, not a tuple of 3 values"),
    (Perturbations, "modes", (1, 0), r"^modes=\(1, 0\) holds 2 values, not 3"),
    (SamplerConfig, "frames", (8, 4), r"^frames=\(8, 4\) holds 8, not a \(source, count\) pair: pass one count for "
                                      r"every source, e\.g\. frames=8, or a count each"),
    (SamplerConfig, "frames", (("sentinel2", True),), r"frames\['sentinel2'\]=True is not a whole number"),
    (SamplerConfig, "sources", None, r"^sources=None is None, not a tuple: pass e\.g\. sources=\(\)"),
    (SamplerConfig, "inputs", 3, r"^inputs=3 is one number, not a tuple: pass e\.g\. inputs=\('sentinel2',\)"),
    (ModelConfig, "sources", None, r"^sources=None is None, not a tuple: pass e\.g\. sources=\(\)"),
    (ModelConfig, "targets", 3, r"^targets=3 is one number, not a tuple"),
    (STPConfig, "mlp_ratio", True, r"^mlp_ratio=True is not a number: pass e\.g\. mlp_ratio=9\.0"),
    (STPConfig, "activation", {"a": 1}, r"^STPConfig\.activation=\{'a': 1\} is unknown: pass one of \('gelu', "),
    (TrainConfig, "batch_size", 1e30, r"^batch_size=1e\+30 is a float that holds 1000000000000000019884624838656"),
]


@pytest.mark.parametrize("cls, name, value, words", CASES, ids=[f"{c.__name__}.{n}={v!r}" for c, n, v, _ in CASES])
def test_hand_worked_refusals(cls, name, value, words):
    with pytest.raises(ConfigError, match=words): MAKE[cls](**{name: value})


def test_read_as_given():
    "The shapes a field takes: a list for a tuple, a dict of pairs (sorted), exact floats for counts."
    assert CorpusConfig(years=[3, 3], cloud_cover=[0.1, 0.2]).cloud_cover == (0.1, 0.2)
    assert CorpusConfig(start_year="2021").start_year == 2021   # a year's own rule reads text
    assert Perturbations(drop_source={"sentinel1": 0.1, "landsat": 0.2}).drop_source == (("landsat", 0.2),
                                                                                        ("sentinel1", 0.1))
    assert Perturbations(drop_source=[["landsat", 0.2]], modes=[0.5, 0.25, 0.25]).modes == (0.5, 0.25, 0.25)
    assert SamplerConfig(frames={"sentinel2": 8.0}).frames == (("sentinel2", 8),)
    with pytest.raises(UnknownFieldError, match=r"Perturbations got an unknown name 'drop_sources' \(did you mean "
                                                r"'drop_source'\?\)"):
        Perturbations(drop_sources={"landsat": 0.3})
    from alphaearth_nb.core import as_tuple   # the one reading of a tuple field
    assert as_tuple([1, 2], "x", "(1, 2)", 2) == (1, 2)
    assert STPConfig(norm="LayerNorm", activation=" GELU").activation == "gelu"   # a choice in any case: choice_word
