"""The README says why the first rows of its cube are NaN (class -1 in `classify`): the small local mirror's tiles end
at northing 4,987,800 m, south of the snippet's box's northern edge. Was (s44 newcomer): nothing said, so a
newcomer's first `similarity` print began with rows of nan."""
import re
from pathlib import Path

import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray")

from alphaearth_nb import official as off

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
BBOX = (5.985, 44.9995, 5.9995, 45.0045)


def test_the_readme_says_why_its_first_rows_are_nan(tmp_path, shared_data):
    text = " ".join(README.split())
    assert f"bbox = {BBOX}" in README   # the snippet's box, the one measured below
    assert re.search(r"The first rows of `e24` are NaN.*class -1.*tiles end at northing 4,987,800 m", text), \
        "the README does not say why its cube's first rows are NaN"
    mirror = off.build_local_mirror(tmp_path / "m", years=(2024,), samples=shared_data / "aef_samples")
    t = off.tiles(off.area_of(BBOX), [2024], mirror.root)
    assert t.loc[t["crs"] == "EPSG:32631", "utm_north"].max() == 4_987_800.0
    e = off.open(BBOX, 2024, crs="EPSG:32631", source=mirror.root).isel(time=0).compute()
    nan = e.isnull().all("band").values
    assert nan[0].all() and not nan[-1].any() and (e.y.values[nan.all(1)] > 4_987_800).all()
