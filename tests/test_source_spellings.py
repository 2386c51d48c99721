"""Source names as other tools spell them ('Sentinel2', 'Sentinel-2', 'SENTINEL_2', 'Landsat-TOA') are read as the
registered name they spell where exactly one does (case, spaces, '-' and '_' aside: `sources.spelt_source`), in
`aef embed --sources` and `aef train --inputs/--targets`, as other choice words ignore case. Was (session 37's field
case): `aef embed --sources Sentinel2` refused with "did you mean 'sentinel2'?", `aef train --inputs Sentinel2`
refused as 'not registered source names'. A name no registered source spells is still refused, with the likely one."""
import pytest
import xarray as xr

from alphaearth_nb import cli_args, sources
from alphaearth_nb.core import UnknownSourceError
from alphaearth_nb.embed_cmd import model_sources


@pytest.mark.parametrize("given, name", [("Sentinel2", "sentinel2"), ("Sentinel-2", "sentinel2"),
                                         ("SENTINEL_2", "sentinel2"), (" sentinel 1 ", "sentinel1"),
                                         ("Landsat-TOA", "landsat_toa"), ("Sentinel2_L1C", "sentinel2_l1c"),
                                         ("sentinel2", "sentinel2"), ("DEM", "dem"), ("ERA5", "era5")])
def test_a_spelling_of_one_source_is_that_source(given, name):
    assert sources.spelt_source(given) == name


def test_no_source_or_several_are_none():
    assert sources.spelt_source("S2") is None and sources.spelt_source("sentinel") is None
    assert sources.spelt_source("a-b", ["ab", "a_b"]) is None          # two names spelt alike: none taken
    assert sources.spelt_source("A_B", ["ab", "other"]) == "ab"        # among the names given


class Model: cfg = type("C", (), {"inputs": ("sentinel2", "sentinel1"), "targets": ("dem",)})


def test_aef_embed_sources_reads_the_providers_spelling():
    stack = xr.DataTree.from_dict({s: xr.Dataset() for s in ("sentinel2", "sentinel1", "dem")})
    kept, dropped = model_sources(stack, Model, "Sentinel2,Sentinel-1", allow_missing=False)
    assert list(kept.children) == ["sentinel2", "sentinel1"] and dropped == ["dem"]
    with pytest.raises(UnknownSourceError, match=r"'sentinal2': did you mean 'sentinel2'\?"):   # a typo: still refused
        model_sources(stack, Model, "sentinal2")


def test_aef_train_inputs_read_the_providers_spelling():
    a = cli_args.parser().parse_args(["train", "--inputs", "Sentinel-2,Landsat", "--targets", "DEM"])
    assert a.inputs == ("sentinel2", "landsat") and a.targets == ("dem",)
