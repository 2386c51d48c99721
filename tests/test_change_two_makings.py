"""`change` of two maps made to be compared (newcomer s55 findings 1, 6, 8). Was: `e.aef.change(e)` (the same map
twice, a loop's index slip) a map of zeros with no word, where `aef change` refuses it; two maps of one year (2024
opened with two resamplings) compared silently; two maps made with other tile/buffer settings (whose seams read as
change: 99th pct 0.345 against a real year's 0.104) compared silently though both record them; and the change map's
`support_start`/`support_end` (and its COG's AEF_SUPPORT_*) the first year's alone. Now: `SameMapError`, a
`TimeWarning`, a `MixedSettingsWarning` naming each setting, and both maps' periods and supports recorded."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import MixedSettingsWarning, SameMapError, TimeWarning


def _map(year, seed, **attrs):
    v = np.random.default_rng(seed).normal(size=(4, 5, 64))
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    at = {"crs": "EPSG:32631", "period_start": f"{year}-01-01", "period_end": f"{year}-12-31",
          "support_start": f"{year}-01-07", "support_end": f"{year}-12-22", "tile": 24, "buffer": 4, "trim": 0} | attrs
    return xr.DataArray(v.astype(np.float32), dims=("y", "x", "band"), attrs=at,
                        coords={"y": 5e6 + 5 - 10 * np.arange(4), "x": 5e5 + 5 + 10 * np.arange(5),
                                "band": aef.band_names()})


def _quiet(f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        return f(), w


def test_the_same_map_twice_is_refused():
    e = _map(2023, 0)
    with pytest.raises(SameMapError, match="same vector at every pixel \\(both of 2023\\)"):
        e.aef.change(e)
    with pytest.raises(SameMapError):   # a copy, a cube's year twice
        aef.analysis.change(e.copy(deep=True), e)
    cube = xr.concat([_map(2022, 1), e], "time").assign_coords(time=pd.to_datetime(["2022-01-01", "2023-01-01"]))
    with pytest.raises(SameMapError):
        cube.isel(time=1).aef.change(cube.isel(time=1))
    with pytest.raises(SameMapError):   # lazy: one graph, refused before computing
        e.chunk({"y": 2}).aef.change(e.chunk({"y": 2}))
    assert issubclass(SameMapError, aef.core.TimeError)


def test_two_years_alike_pass_quietly():
    chg, w = _quiet(lambda: _map(2022, 1).aef.change(_map(2023, 2)))
    assert not [x for x in w if issubclass(x.category, aef.core.AEFWarning)]
    assert chg.attrs["from_year"] == 2022 and chg.attrs["to_year"] == 2023


def test_one_year_twice_is_warned_with_what_differs():
    a, b = _map(2024, 1, resampled="average"), _map(2024, 2, resampled="nearest")
    with pytest.warns(TimeWarning, match="both maps of 2024"):
        with pytest.warns(MixedSettingsWarning, match="resampling 'average' and 'nearest'"):
            a.aef.change(b)


def test_two_tilings_are_warned_naming_each_setting():
    with pytest.warns(MixedSettingsWarning, match="2016 and 2017 were made two ways \\(tile 24 and 32; buffer 4 and 0"):
        _map(2016, 1).aef.change(_map(2017, 2, tile=32, buffer=0))


def test_the_change_map_records_both_years_periods_and_supports(tmp_path):
    chg = _map(2016, 1).aef.change(_map(2017, 2))
    assert "support_start" not in chg.attrs and "support_end" not in chg.attrs and "period_start" not in chg.attrs
    assert chg.attrs["from_support"] == "2016-01-07/2016-12-22" and chg.attrs["to_support"] == "2017-01-07/2017-12-22"
    assert chg.attrs["from_period"] == "2016-01-01/2016-12-31" and chg.attrs["to_period"] == "2017-01-01/2017-12-31"
    rasterio = pytest.importorskip("rasterio")
    out = chg.aef.map_to_cog(tmp_path / "chg.tif")
    with rasterio.open(out) as f: tags = f.tags()
    assert "AEF_SUPPORT_START" not in tags
    assert tags["AEF_FROM_SUPPORT"] == "2016-01-07/2016-12-22" and tags["AEF_TO_SUPPORT"] == "2017-01-07/2017-12-22"
    assert tags["AEF_TO_PERIOD"] == "2017-01-01/2017-12-31"


def test_a_copy_relabelled_another_year_is_warned_not_refused():
    e = _map(2023, 0)
    with pytest.warns(TimeWarning, match="though they record 2023 and 2024: a copy relabelled"):
        chg = e.aef.change(e.assign_attrs(period_start="2024-01-01", period_end="2024-12-31"))
    assert float(chg.max()) == 0 and chg.attrs["to_year"] == 2024


def test_a_cube_year_against_itself_relabelled_reads_each_years_own():
    cube = xr.concat([_map(2022, 1), _map(2023, 0)], "time").assign_coords(
        time=pd.to_datetime(["2022-01-01", "2023-01-01"]))
    e = cube.isel(time=1)
    with pytest.warns(TimeWarning, match="record 2023 and 2024"):
        e.aef.change(e.assign_coords(time=np.datetime64("2024-01-01")))


def test_the_cli_says_the_settings_too(tmp_path, capsys):
    pytest.importorskip("rioxarray")
    from alphaearth_nb.cli import main
    from alphaearth_nb.exports import to_cog
    a, b = tmp_path / "e2016.tif", tmp_path / "e2017.tif"
    to_cog(_map(2016, 1), a)
    to_cog(_map(2017, 2, tile=32, buffer=0), b)
    with pytest.warns(MixedSettingsWarning, match="tile 24 and 32; buffer 4 and 0"):
        assert main(["change", "--embeddings", str(a), "--embeddings", str(b), "--out", str(tmp_path / "c.tif")]) == 0


def test_a_map_against_a_cube_records_the_map_as_the_first():
    """change(map, cube) is computed as change(cube, map): its to_year was moved to from_year, but its to_period and
    to_support (the map's) were not, so the map's 2020 period was written as AEF_TO_PERIOD (re-read r2 #3)."""
    cube = xr.concat([_map(2022, 1), _map(2023, 3)], "time").assign_coords(
        time=pd.to_datetime(["2022-01-01", "2023-01-01"]))
    chg, _ = _quiet(lambda: aef.change(_map(2020, 2), cube))
    assert chg.attrs["from_period"] == "2020-01-01/2020-12-31" and chg.attrs["from_support"] == "2020-01-07/2020-12-22"
    assert not chg.attrs.get("to_period", "").startswith("2020") and not chg.attrs.get("to_support", "").startswith("2020")
    assert chg.attrs.get("from_year") == 2020


def _cube(*seeds):
    years = 2022 + np.arange(len(seeds))
    return xr.concat([_map(y, s) for y, s in zip(years, seeds)], "time").assign_coords(
        time=pd.to_datetime([f"{y}-01-01" for y in years]))


def test_a_cube_against_itself_is_refused_as_a_map_is():
    """`cube.aef.change(cube)` was a map of zeros every year without a word, where `e.aef.change(e)` is refused
    (s55 r2 #8): now SameMapError naming a cube's first and last. Two cubes that differ, and a cube against one of
    its own years (that year's 0 expected), still pass."""
    cube = _cube(1, 2)
    for other in (cube, cube.copy(deep=True), cube.to_dataset(name="e")):
        first = cube.to_dataset(name="e") if isinstance(other, xr.Dataset) else cube
        with pytest.raises(SameMapError, match=r"same vector at every pixel of every year.*cube\.isel\(time=0\)"):
            aef.change(first, other)
    with pytest.raises(SameMapError): cube.aef.change(other=cube)
    chg, w = _quiet(lambda: cube.aef.change(_cube(3, 4)))
    assert chg.sizes["time"] == 2 and float(chg.min()) > 0
    chg, w = _quiet(lambda: cube.aef.change(cube.isel(time=1)))
    assert float(chg.isel(time=1).max()) == 0 and float(chg.isel(time=0).min()) > 0


def _cli_warnings(tmp_path, capsys, a, b):
    from alphaearth_nb.cli import main
    from alphaearth_nb.exports import to_cog
    pa, pb = tmp_path / "a.tif", tmp_path / "b.tif"
    to_cog(a, pa)
    to_cog(b, pb)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        rc = main(["change", "--embeddings", str(pa), "--embeddings", str(pb), "--out", str(tmp_path / "c.tif")])
    return [str(x.message) for x in w], rc, capsys.readouterr().err


def test_the_cli_says_one_year_twice_once(tmp_path, capsys):
    "`aef change` of two maps of 2024 printed change's Python TimeWarning and its own, saying the same (note55 left)."
    pytest.importorskip("rioxarray")
    said, rc, err = _cli_warnings(tmp_path, capsys, _map(2024, 1), _map(2024, 2))
    ours = [s for s in said if "both maps of 2024" in s]
    assert rc == 0 and len(ours) == 1 and ours[0].startswith("--embeddings "), said


def test_the_cli_of_two_yearless_copies_says_its_own_words_alone(tmp_path, capsys):
    "Two year-less copies: change's Python-fix TimeWarning (`e2023.aef.change(e2024)`) before the shell's (s55 r2 #6)."
    pytest.importorskip("rioxarray")
    e = _map(2024, 1)
    e.attrs = {"crs": e.attrs["crs"]}
    said, rc, err = _cli_warnings(tmp_path, capsys, e, e)
    assert rc != 0 and "hold the same vector at every pixel (a copy?)" in err, err
    assert not [s for s in said if "aef.change(" in s] and "aef.change(" not in err, (said, err)


def test_a_lazy_cube_twice_is_refused_without_a_read():
    "A lazy Dataset cube given twice was compared with `Dataset.equals`, which computes every chunk of both."
    import dask
    ds = _cube(1, 2).to_dataset(name="e").chunk({"y": 2})
    calls = []
    with dask.config.set(scheduler=lambda dsk, keys, **kw: calls.append(keys) or dask.get(dsk, keys, **kw)):
        with pytest.raises(SameMapError): aef.years.refuse_same_cube(ds, ds)
        aef.years.refuse_same_cube(ds, _cube(1, 3).to_dataset(name="e").chunk({"y": 2}))   # another cube passes
    assert not calls
