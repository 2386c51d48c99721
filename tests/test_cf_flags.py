"""Class names a label raster declares CF-style (`flag_values` with `flag_meanings`, as CF writers, xarray and GDAL's
netCDF driver give them) are read as class names and written back on the class map, and go out with it (legend,
vectorize, COG tags). On main they were dropped: the class map held ids 1, 2 with no names."""
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelError
from alphaearth_nb.exports import map_to_cog, vectorize
from alphaearth_nb.labels import class_flags
from alphaearth_nb.maps import plot_classes


@pytest.fixture(scope="module")
def map_and_labels(two_blobs):
    "A 4 x 4 map, left half near one direction and right half near another; one labelled pixel per half (ids 3, 7)."
    e, truth = two_blobs
    lab = np.zeros((4, 4), np.int16); lab[0, 0], lab[3, 3] = 3, 7
    lab = xr.DataArray(lab, dims=("y", "x"), coords={"y": e.y, "x": e.x},
                       attrs={"_FillValue": 0, "flag_values": np.array([3, 7], np.int16),
                              "flag_meanings": "tree_cover open_water", "crs": "EPSG:32631"})
    return e, lab, truth


def test_flags_read_as_class_names_and_written_back(map_and_labels, tmp_path):
    e, lab, truth = map_and_labels
    for labels in (lab, lab.assign_attrs(flag_values=np.array([3.0, 7.0])),          # rioxarray of GDAL's "{3,7}"
                   lab.to_dataset(name="lc")):                                       # xr.open_dataset of the file
        out = classify(e, labels, k=1)["class"]
        np.testing.assert_array_equal(out.values, np.where(truth == 0, 3, 7))       # the ids as given
        assert out.attrs["flag_values"].tolist() == [3, 7] and out.attrs["flag_meanings"] == "tree_cover open_water"
        assert class_flags(out) == {3: "tree_cover", 7: "open_water"}
    # through a netCDF file both ways: the names survive the writer and the reader
    p = tmp_path / "lc.nc"
    lab.drop_attrs().assign_attrs(nodata=0, flag_values=lab.attrs["flag_values"], flag_meanings=lab.attrs["flag_meanings"]).to_netcdf(p)
    with xr.open_dataset(p) as ds:
        out = classify(e, ds.load(), k=1)["class"]
    out.drop_attrs().assign_attrs({k: out.attrs[k] for k in ("flag_values", "flag_meanings")}).to_netcdf(tmp_path / "cls.nc")
    with xr.open_dataarray(tmp_path / "cls.nc") as back:
        assert class_flags(back) == {3: "tree_cover", 7: "open_water"}


def test_named_classes_also_carry_cf_flags(map_and_labels):
    e, lab, truth = map_and_labels
    text = xr.DataArray(np.where(lab.values == 3, "tree cover", np.where(lab.values == 7, "water", "")),
                        dims=("y", "x"), coords=lab.coords)
    out = classify(e, text, k=1)["class"]                      # names: the map holds indices 0, 1
    assert out.attrs["class_names"] == ["tree cover", "water"]
    assert out.attrs["flag_values"].tolist() == [0, 1] and out.attrs["flag_meanings"] == "tree_cover water"


def test_names_go_out_with_the_map(map_and_labels, tmp_path):
    rioxarray = pytest.importorskip("rioxarray")
    e, lab, truth = map_and_labels
    out = classify(e, lab, k=1)["class"]
    g = vectorize(out)
    assert sorted(zip(g["value_id"], g["value"])) == [(3, "tree_cover"), (7, "open_water")]
    ax = plot_classes(out)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["tree_cover", "open_water"]
    plt.close("all")
    p = map_to_cog(out, tmp_path / "cls.tif")
    back = rioxarray.open_rasterio(p).squeeze(drop=True)
    assert class_flags(back) == {3: "tree_cover", 7: "open_water"}   # GDAL's "{3,7}" read back as floats


def test_flags_that_do_not_pair_are_refused(map_and_labels):
    e, lab, _ = map_and_labels
    with pytest.raises(LabelError, match="flag_values has 2 values but flag_meanings 3 words"):
        classify(e, lab.assign_attrs(flag_meanings="a b c"), k=1)


def test_map_to_cog_refuses_flags_that_do_not_pair_before_any_work(map_and_labels, tmp_path):  # review item 5
    e, _, truth = map_and_labels
    m = xr.DataArray(truth.astype(np.int16), dims=("y", "x"), coords={"y": e.y, "x": e.x},
                     attrs={"flag_values": [0, 1], "flag_meanings": "a b c", "crs": "EPSG:32631"})
    with pytest.raises(LabelError, match="flag_values has 2 values but flag_meanings 3 words"):
        map_to_cog(m, tmp_path / "new" / "cls.tif")
    assert not (tmp_path / "new").exists()   # was made (and the map staged there) before the flags were read


@pytest.mark.parametrize("top, named", [(1, True), (2, False)])
def test_class_names_of_ids_0_to_c_go_out_only_when_every_id_has_one(map_and_labels, tmp_path, top, named):
    rasterio = pytest.importorskip("rasterio")
    e, _, truth = map_and_labels
    ids = np.where(truth == 1, top, 0).astype(np.int16); ids[0, 0] = -1   # -1: no data, names no class
    m = xr.DataArray(ids, dims=("y", "x"), coords={"y": e.y, "x": e.x},
                     attrs={"class_names": ["tree", "water"], "crs": "EPSG:32631"})
    with rasterio.open(map_to_cog(m, tmp_path / "ids.tif")) as f: tags = f.tags(1)
    assert (tags.get("class_names"), tags.get("flag_values")) == (('["tree", "water"]', "{0,1}") if named else (None, None))
