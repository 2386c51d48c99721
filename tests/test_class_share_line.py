"""The class-share line `aggregate`'s refusal of a class map prints, `(m == c).where(m != -1)...aggregate(zones)`, was
right only for `classify`'s in-memory map (ints, -1 no data): on a class COG read back as the package says
(`rioxarray.open_rasterio(p, masked=True)`: floats, NaN no data) it counted the pixels of no data as "not class c",
and a zone over no-data rows got shares 0.42 + 0.43 (the newcomer of s56, #2). Now the condition is the map's own
(`nodata.kept_where`): the printed line, followed, gives shares that sum to 1 over the pixels with data, for each
way a class map comes (ints with -1, floats with NaN, uint8 with its declared 255, floats with a declared -9999)."""
import re
import warnings

import numpy as np
import pytest
import xarray as xr

rioxarray = pytest.importorskip("rioxarray")
gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

from alphaearth_nb.core import DimensionError
from alphaearth_nb.exports import map_to_cog

IDS = np.zeros((6, 8)); IDS[:, 4:] = 2; IDS[:2] = -1   # classes 0 and 2 half and half; 2 rows of no data
X, Y = 500005. + 10 * np.arange(8), 5000055. - 10 * np.arange(6)
ZONES = gpd.GeoDataFrame({"name": ["z"]}, geometry=[box(500000, 4999990, 500080, 5000060)], crs="EPSG:32631")


def _map(a, **attrs):
    return xr.DataArray(a, dims=("y", "x"), coords={"y": Y, "x": X}, attrs=attrs).rio.write_crs("EPSG:32631")


def _maps(tmp_path):
    ints = _map(IDS.astype(int))
    yield "ints -1", ints
    yield "floats NaN, measure class", _map(np.where(IDS == -1, np.nan, IDS), measure="class")
    yield "floats NaN", _map(np.where(IDS == -1, np.nan, IDS))
    yield "floats -9999 declared", _map(np.where(IDS == -1, -9999., IDS)).rio.write_nodata(-9999.)
    yield "uint8 255 declared", _map(np.where(IDS == -1, 255, IDS).astype(np.uint8)).rio.write_nodata(255)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p = map_to_cog(ints, tmp_path / "c.tif")
    for masked in (True, False):
        yield f"COG masked={masked}", rioxarray.open_rasterio(p, masked=masked).squeeze("band", drop=True)


def test_the_printed_share_line_leaves_out_no_data(tmp_path):
    for kind, m in _maps(tmp_path):
        with pytest.raises(DimensionError) as e, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m.aef.aggregate(ZONES)
        line = re.search(r"`(\(m == c\)\..*?aggregate\(zones\))`", str(e.value)).group(1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rows = [eval(line, {"m": m, "zones": ZONES, "c": c}) for c in (0, 2)]
        shares = [float(r[[k for k in r.columns if k not in ("name", "geometry", "n_pixels", "fraction_on_map")][0]].iloc[0])
                  for r in rows]
        assert shares == pytest.approx([0.5, 0.5]), (kind, line, shares)
        assert [int(r["n_pixels"].iloc[0]) for r in rows] == [32, 32], (kind, line)
