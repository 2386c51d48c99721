"Mapping with embeddings: similarity, change, clusters, colours, few-shot classify/regress, laziness."
import warnings

import dask.array as dsa
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import change, classify, cluster, regress, rgb, similarity
from alphaearth_nb.core import (ConfigError, DimensionError, GridError, GridWarning, LabelError, LabelWarning,
                               NoDataWarning, NoValidDataError, PointError, UnitsWarning, band_names)
from alphaearth_nb.embeddings import dequantize_embedding, from_official, quantize_embedding
from alphaearth_nb.geo import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def planted():
    "Three well-separated directions planted on a 10 x 10 grid, and the truth."
    centres = random_unit((3,), seed=1)
    truth = np.random.default_rng(2).integers(0, 3, (10, 10))
    pix = centres[truth] + 0.05 * random_unit((10, 10), seed=3)
    pix /= np.linalg.norm(pix, axis=-1, keepdims=True)
    return embedding_from_array(pix), truth


# --- similarity and change ---------------------------------------------------------------------------------------

def test_similarity_to_vector_is_the_cosine(emb):
    v = np.random.default_rng(9).normal(size=64).astype(np.float32)  # not unit: rescaled, with a warning
    with pytest.warns(UnitsWarning, match=r"length \[\d+\.\d+\].*scaled to unit length"): s = emb.aef.similarity(v)
    assert s.dims == ("y", "x") and s.name == "similarity"
    want = np.einsum("yxc,c->yx", emb.values.astype(np.float64), v) / np.linalg.norm(v)  # the map's are unit
    np.testing.assert_allclose(s.values, want, rtol=1e-5, atol=1e-5)
    assert np.isnan(s.values[0, 0]) and np.isnan(s.values[3, 4])


def test_similarity_to_point_is_dot_with_that_pixel(emb):
    r, c = 5, 2
    x, y = float(emb.x[c]) + 3.0, float(emb.y[r]) - 3.0  # inside the pixel, off its centre
    want = emb.values @ emb.values[r, c]
    for target in [(x, y), {"x": x, "y": y}, [x, y]]:
        np.testing.assert_allclose(similarity(emb, target).values, want, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(similarity(emb, emb.isel(y=r, x=c)).values, want, rtol=1e-5, atol=1e-6)


def test_similarity_errors(emb):
    with pytest.raises(PointError, match="outside the grid"):
        similarity(emb, (0.0, 0.0))
    with pytest.raises(NoValidDataError, match="no data"):
        similarity(emb, (float(emb.x[0]), float(emb.y[0])))
    with pytest.raises(DimensionError, match="64-vector or an"):
        similarity(emb, np.ones(5))


def test_change(emb):
    c = emb.aef.change(emb)
    assert c.dims == ("y", "x")
    np.testing.assert_allclose(np.nan_to_num(c.values), 0.0, atol=1e-6)
    other = emb.copy(data=-emb.values)
    np.testing.assert_allclose(np.nan_to_num(change(emb, other).values), np.where(np.isnan(c), 0, 2.0), atol=1e-5)
    with pytest.raises(GridError, match="different grids.*interp_like"):
        change(emb, emb.assign_coords(x=emb.x + 100))
    with pytest.raises(GridError, match="different grids"):
        change(emb, emb.isel(y=slice(1, None)))
    with pytest.raises(GridError, match="different CRS"):
        change(emb, emb.assign_attrs(crs="EPSG:32632"))


@pytest.mark.parametrize("turn", ["y", "x", "yx"])
def test_change_of_the_same_grid_stored_turned_is_zero(turn):  # F3 kind: y ascending / x descending is not another grid
    e = embedding_from_array(random_unit((4, 3)))
    t = e.isel({d: slice(None, None, -1) for d in turn})
    c = e.aef.change(t)
    np.testing.assert_allclose(c.values, 0.0, atol=1e-6)
    np.testing.assert_array_equal(c.y, e.y); np.testing.assert_array_equal(c.x, e.x)  # first input's grid and order
    back = change(t, e)
    np.testing.assert_allclose(back.values, 0.0, atol=1e-6)
    np.testing.assert_array_equal(back.y, t.y); np.testing.assert_array_equal(back.x, t.x)
    moved = e.copy(data=np.roll(e.values, 1, axis=0))  # a real change stays where it is after turning
    np.testing.assert_allclose(change(e, moved.isel({d: slice(None, None, -1) for d in turn})).values,
                               change(e, moved).values, atol=1e-6)
    with pytest.raises(GridError, match="different grids"):
        change(e, t.isel(x=slice(1, None)))


# --- clustering and colours -------------------------------------------------------------------------------------

def test_cluster_recovers_planted_clusters(planted):
    e, truth = planted
    ds = e.aef.cluster(3, seed=0)
    lab = ds.cluster.values
    assert lab.shape == truth.shape and ds.centres.shape == (3, 64)
    assert len({(t, l) for t, l in zip(truth.ravel(), lab.ravel())}) == 3  # a bijection: each cluster found whole
    np.testing.assert_allclose(np.linalg.norm(ds.centres.values, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(cluster(e, 3, seed=0).cluster.values, lab)  # seeded


def test_cluster_marks_no_data(emb):
    lab = cluster(emb, 3).cluster.values
    assert lab[0, 0] == -1 and lab[3, 4] == -1 and set(np.unique(lab)) <= {-1, 0, 1, 2}


def test_rgb_range_and_shape(emb):
    c = emb.aef.rgb()
    assert c.dims == ("y", "x", "rgb") and c.shape == (7, 6, 3) and list(c.rgb.values) == ["r", "g", "b"]
    v = c.values
    assert np.isnan(v[0, 0]).all()
    assert np.nanmin(v) >= 0 and np.nanmax(v) <= 1 and np.nanmax(v) > 0.9 and np.nanmin(v) < 0.1


# --- laziness ----------------------------------------------------------------------------------------------------

def test_lazy_in_lazy_out(emb):
    lazy = emb.chunk({"y": 4, "band": 16})
    lab = xr.DataArray(np.full((7, 6), np.nan), dims=("y", "x"), coords={"y": emb.y, "x": emb.x})
    lab[1, :3], lab[5, 2:] = 0, 1
    v = random_unit((), seed=4)
    cases = {
        "similarity": (lambda e: similarity(e, v)),
        "point": (lambda e: similarity(e, (float(e.x[1]), float(e.y[1])))),
        "change": (lambda e: change(e, e[::-1, :].assign_coords(y=e.y.values))),
        "quantize": quantize_embedding,
        "dequantize": (lambda e: dequantize_embedding(quantize_embedding(e))),
        "rgb": rgb,
        "cluster": (lambda e: cluster(e, 3).cluster),
        "classify": (lambda e: classify(e, lab, k=1)["class"]),
        "scores": (lambda e: classify(e, lab, k=1).scores),
        "regress": (lambda e: regress(e, lab, method="knn", k=1)),  # k = 1 again: one compiled kNN shape
    }
    for name, f in cases.items():
        out = f(lazy)
        assert isinstance(out.data, dsa.Array), f"{name} computed eagerly"
        np.testing.assert_array_equal(out.compute().values, f(emb).values, err_msg=name)


# --- classification and regression ------------------------------------------------------------------------------

def _few_labels(truth, n=2):
    "n labelled pixels per class, NaN elsewhere."
    lab = np.full(truth.shape, np.nan)
    for c in np.unique(truth):
        r, cc = np.nonzero(truth == c)
        lab[r[:n], cc[:n]] = c + 10  # ids need not start at 0
    return lab


def test_classify_from_raster_and_points(planted):
    e, truth = planted
    lab = xr.DataArray(_few_labels(truth), dims=("y", "x"), coords={"y": e.y, "x": e.x})
    for method in ("knn", "linear"):
        ds = e.aef.classify(lab, method=method, k=1)
        assert ds["class"].dtype == np.int32 and ds.scores.dims == ("y", "x", "classes")
        np.testing.assert_array_equal(ds["class"].values, truth + 10)
        assert list(ds.classes.values) == [10, 11, 12]
    r, c = np.nonzero(np.isfinite(lab.values))
    names = np.array(["a", "b", "c"])[lab.values[r, c].astype(int) - 10]
    df = pd.DataFrame({"x": e.x.values[c], "y": e.y.values[r], "label": names})
    ds = classify(e, df, method="knn", k=1)
    np.testing.assert_array_equal(ds["class"].values, truth)  # string labels: index into `classes`
    assert list(ds.classes.values) == ["a", "b", "c"]


def test_classify_errors(planted):
    e, truth = planted
    df = pd.DataFrame({"x": [float(e.x[0]), 1e9], "y": [float(e.y[0]), float(e.y[0])], "label": [0, 1]})
    with pytest.raises(LabelError, match="outside the grid"):
        classify(e, df)
    with pytest.raises(LabelError, match="no column 'label': pass `column='cls'`"):   # the one other column
        classify(e, df.rename(columns={"label": "cls"}))
    with pytest.raises(LabelError, match="at least two classes"):
        classify(e, df.iloc[:1])
    lab = xr.DataArray(_few_labels(truth), dims=("y", "x"), coords={"y": e.y + 1e4, "x": e.x})
    with pytest.raises(LabelError, match="outside the grid"):
        classify(e, lab)


@pytest.mark.parametrize("k", [2.5, 0, -1, True, "3", np.float64(3.0)])
def test_bad_k_is_named_first_whatever_the_labels(planted, k):
    "Newcomer case G3: a k that is not a whole number >= 1 is a ConfigError even with fewer labels than k."
    e, _ = planted
    two = pd.DataFrame({"x": [float(e.x[0]), float(e.x[1])], "y": [float(e.y[0])] * 2, "label": [0, 1]})
    with pytest.raises(ConfigError, match="whole number k >= 1"):
        classify(e, two, method="knn", k=k)
    with pytest.raises(ConfigError, match="whole number k >= 1"):
        regress(e, two.rename(columns={"label": "value"}), method="knn", k=k)
    assert classify(e, two, method="linear", k=k)["class"].shape == e.shape[:2]  # k is not read by linear


def test_regress_linear_target(planted):
    e, _ = planted
    w = np.random.default_rng(5).normal(size=64)
    truth = e.values @ w + 3.0
    t = np.full(truth.shape, np.nan)
    t.ravel()[::1] = truth.ravel()  # every pixel labelled: 100 > 65 unknowns
    pred = e.aef.regress(xr.DataArray(t, dims=("y", "x"), coords={"y": e.y, "x": e.x}))
    assert pred.dims == ("y", "x")
    np.testing.assert_allclose(pred.values, truth, rtol=1e-3, atol=1e-3)
    knn = regress(e, xr.DataArray(t, dims=("y", "x"), coords={"y": e.y, "x": e.x}), method="knn", k=1)
    np.testing.assert_allclose(knn.values, truth, rtol=1e-5, atol=1e-5)


# --- real official embeddings (../shared/data) -------------------------------------------------------------------

def test_real_official_vectors(shared_data):
    "2160 real official embeddings laid out as a 27 x 80 xee-like Dataset: exact int8 round trip, few-shot classify."
    df = pd.concat([pd.read_csv(f) for f in sorted((shared_data / "aef_samples").glob("*.csv"))], ignore_index=True)
    vec = df[band_names()].to_numpy(np.float32).reshape(27, 80, 64)
    c = grid_coords(27, 80)
    ds = xr.Dataset({b: (("time", "X", "Y"), vec[..., i].T[None]) for i, b in enumerate(band_names())},
                    coords={"time": [np.datetime64("2024-01-01", "ns")], "X": c["x"], "Y": c["y"]},
                    attrs={"crs": "EPSG:32610"})
    e = from_official(ds)
    np.testing.assert_array_equal(e.values, vec)
    np.testing.assert_allclose(np.linalg.norm(e.values, axis=-1), 1.0, atol=0.02)
    q = e.aef.quantize()
    np.testing.assert_array_equal(q.aef.dequantize().values, vec)  # the values lie on the int8 grid: exact
    # few-shot: 20 labelled points per Dynamic World class, predict every other point
    lab = df["dw_label"].to_numpy().reshape(27, 80)
    rng = np.random.default_rng(0)
    pick = np.concatenate([rng.choice(np.flatnonzero(lab.ravel() == k), 20, replace=False) for k in np.unique(lab)])
    r, cc = np.unravel_index(pick, lab.shape)
    pts = pd.DataFrame({"x": e.x.values[cc], "y": e.y.values[r], "label": lab[r, cc]})
    pred = e.aef.classify(pts, method="knn", k=3)["class"].values
    test = np.ones(lab.shape, bool)
    test[r, cc] = False
    acc = np.mean([np.mean(pred[test & (lab == k)] == k) for k in np.unique(lab)])
    assert acc > 0.5, acc  # nine classes: chance is 0.11


# --- issue 11 (../shared/cases/README.md): kinds A, B, C --------------------------------------------------------

def test_case_A3_zero_vectors_are_no_data_everywhere(planted):
    e, truth = planted
    vec = e.values.copy()
    zero = [(0, 0), (1, 3), (2, 2), (4, 5), (5, 0), (5, 5)]
    for r, c in zero: vec[r, c] = 0.0
    z = embedding_from_array(vec)
    zr, zc = np.array(zero).T
    with pytest.warns(NoDataWarning, match="6 of 100"):
        assert np.isnan(similarity(z, vec[9, 9]).values[zr, zc]).all()
    lab = xr.DataArray(np.where(np.arange(100).reshape(10, 10) % 7 == 0, truth, np.nan), dims=("y", "x"),
                       coords={"y": z.y, "x": z.x})
    lab[0, 0] = truth[0, 0]  # a label on a zero pixel is never a training vector
    with pytest.warns(NoDataWarning):
        out = classify(z, lab, k=1)
        cl = cluster(z, 3).cluster.values
        col = rgb(z).values
    assert (out["class"].values[zr, zc] == -1).all() and (cl[zr, zc] == -1).all() and np.isnan(col[zr, zc]).all()


def test_case_A4_int8_query_vector(emb):
    q = emb.aef.quantize()
    s = q.aef.similarity(q.isel(y=2, x=3))
    assert abs(float(s[2, 3]) - 1.0) < 1e-6
    assert np.nanmax(s.values) <= 1.0 and np.nanmin(s.values) >= -1.0
    # the same query as a numpy int8 array and as codes read as float
    for v in (q.isel(y=2, x=3).values, q.isel(y=2, x=3).values.astype(np.float32)):
        np.testing.assert_allclose(q.aef.similarity(v).values, s.values, atol=1e-6)


def test_query_vectors_that_are_not_embeddings_are_refused(emb):
    for v in (np.zeros(64), np.full(64, np.nan), np.r_[np.ones(63), np.inf], -np.ones(64), np.full(64, 0.125),
              np.full(64, -128.0), np.full(64, 2147483647.0), np.full(64, -9999.0)):
        with pytest.raises(NoValidDataError, match="similarity quer(y|ies) .*not embeddings .*fill value"):
            similarity(emb, v)
    da = xr.DataArray(np.full(64, -5.0), dims="band", attrs={"_FillValue": -5.0})  # a declared fill
    with pytest.raises(NoValidDataError, match="not embeddings"): similarity(emb, da)
    with pytest.raises(DimensionError, match="64-vector"): similarity(emb, np.ones(3))


def test_case_A18_labelled_query_is_read_by_its_labels(emb):
    "A table row (Series, dict), a one-row DataFrame or a DataArray labelled A00..A63 in any order: read by label."
    B, u = band_names(), emb.values[2, 3]
    want = similarity(emb, u).values
    assert abs(want[2, 3] - 1) < 1e-6
    s = pd.Series(u, index=B)
    rev, shuffled = s[B[::-1]], s.sample(frac=1, random_state=0)
    text = s.rename(lambda b: f"A{int(b[1:])}").sort_index()   # A0, A1, A10, ... as a text sort leaves them
    for q in (s, rev, shuffled, text, dict(rev), rev.to_frame().T, emb.isel(y=2, x=3).sel(band=B[::-1]),
              xr.DataArray(rev.values, dims="band", coords={"band": rev.index})):
        np.testing.assert_allclose(similarity(emb, q).values, want, atol=1e-6)
        np.testing.assert_allclose(emb.aef.similarity(q).values, want, atol=1e-6)
    # a row of a mixed table (object dtype): the 64 band values picked by label, converted
    row = pd.concat([pd.Series({"region": "north", "year": 2024, "x": 1.0, "y": 2.0}), rev])
    assert row.dtype == object
    for q in (row, rev.astype(object), row.to_dict()):
        np.testing.assert_allclose(similarity(emb, q).values, want, atol=1e-6)
    # labels that name no band: by position; text among the band values: refused, naming the cast
    np.testing.assert_allclose(similarity(emb, pd.Series(u, index=[f"f{i}" for i in range(64)])).values, want, atol=1e-6)
    bad = s.astype(object); bad["A05"] = "n/a"
    with pytest.raises(DimensionError, match="text.*astype"): similarity(emb, bad)
    with pytest.raises(DimensionError, match="one 64-vector"): similarity(emb, pd.DataFrame([u, u], columns=B))


@pytest.mark.parametrize("scale", [3.0, 0.5, 100.0])
def test_case_A4_non_unit_float_query_is_rescaled_loudly_scores_in_range(emb, scale):
    "A float query of length 3 (or a raw vector of any length): the map's gate, unit length, a warning."
    u = emb.values[4, 4]
    with pytest.warns(UnitsWarning, match=f"length \\[{scale:g}"):
        s = similarity(emb, scale * u)
    np.testing.assert_allclose(s.values, similarity(emb, u).values, atol=1e-6)  # the direction counts, not length
    assert abs(float(s[4, 4]) - 1) < 1e-5 and np.nanmax(s.values) <= 1 and np.nanmin(s.values) >= -1
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # a unit vector, or int8 codes, pass without a word
        similarity(emb, u); similarity(emb, emb.aef.quantize().isel(y=4, x=4))



def test_case_B2_same_crs_spelled_twice(emb):
    from pyproj import CRS
    wkt = CRS("EPSG:32631").to_wkt()
    other = emb.copy()
    other.attrs = {}
    other = other.assign_coords(spatial_ref=xr.DataArray(0, attrs={"crs_wkt": wkt}))
    np.testing.assert_allclose(np.nan_to_num(change(emb, other).values), 0.0, atol=1e-6)
    for spelling in ("epsg:32631", CRS("EPSG:32631").to_json(), wkt, 32631):
        change(emb, emb.assign_attrs(crs=spelling))
    with pytest.raises(GridError, match="different CRS"):
        change(emb, other.assign_coords(spatial_ref=xr.DataArray(0, attrs={"crs_wkt": CRS("EPSG:32632").to_wkt()})))


def _antimeridian():
    x = np.array([179.99925, 179.99975, 180.00025, 180.00075])
    y = np.array([0.00075, 0.00025, -0.00025, -0.00075])
    return embedding_from_array(random_unit((4, 4), seed=21), coords={"y": y, "x": x}, crs="EPSG:4326")


def test_case_B3_longitude_is_a_circle():
    e = _antimeridian()
    s = similarity(e, (-179.99975, 0.00025))
    assert abs(float(s[1, 2]) - 1.0) < 1e-6 and int(np.nanargmax(s.values)) == 1 * 4 + 2
    # and a grid stored in 0..360 longitudes seen from -180..180 (and the other way round)
    g = embedding_from_array(random_unit((2, 3), seed=22), coords={"y": [10.5, 9.5], "x": [358.5, 359.5, 360.5]},
                             crs="EPSG:4326")
    assert abs(float(similarity(g, (-1.5, 10.2))[0, 0]) - 1) < 1e-6
    assert abs(float(similarity(g, (0.5, 9.7))[1, 2]) - 1) < 1e-6


def test_points_in_another_crs(emb):
    from pyproj import Transformer
    to_lonlat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True)
    lon, lat = to_lonlat.transform(float(emb.x[2]), float(emb.y[5]))
    s = similarity(emb, (lon, lat), crs="EPSG:4326")
    assert abs(float(s[5, 2]) - 1.0) < 1e-6


def test_case_B19_query_at_a_geoseries_in_its_own_crs(emb):
    "A one-point GeoSeries / GeoDataFrame row is a place in its own CRS (was a raw pandas ValueError)."
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import Point
    r, c = 5, 2
    want = similarity(emb, (float(emb.x[c]), float(emb.y[r]))).values           # the pixel's own cosines
    gs = gpd.GeoSeries([Point(float(emb.x[c]), float(emb.y[r]))], crs="EPSG:32631").to_crs("EPSG:4326")
    for target in (gs, gpd.GeoDataFrame({"name": ["field"]}, geometry=gs), gs.to_crs("EPSG:3857")):
        s = similarity(emb, target).values
        np.testing.assert_allclose(s, want, rtol=1e-6, atol=1e-7)
        assert abs(s[r, c] - 1.0) < 1e-12 and s[r, c] == np.nanmax(s)   # float64: 1 to its rounding, the top
    np.testing.assert_allclose(similarity(emb, gs, crs="EPSG:4326").values, want, rtol=1e-6, atol=1e-7)
    with pytest.raises(GridError, match="drop `crs=`"): similarity(emb, gs, crs="EPSG:32631")
    with pytest.raises(DimensionError, match="got a table of 2 rows"): similarity(emb, pd.concat([gs, gs]))
    sampled = emb.aef.sample(gs)                                                   # sample takes a GeoSeries too
    np.testing.assert_allclose(sampled[band_names()].to_numpy(np.float32)[0], emb.values[r, c])


def test_non_monotonic_axis_gets_a_clear_error(emb):
    shuffled = emb.isel(x=[0, 2, 1, 3, 4, 5])
    with pytest.raises(GridError, match="not monotonic.*sortby"):
        similarity(shuffled, (float(emb.x[0]), float(emb.y[1])))


def test_labels_in_bulk_in_any_crs(planted):
    e, truth = planted
    from pyproj import Transformer
    lab = _few_labels(truth)
    r, c = np.nonzero(np.isfinite(lab))
    lon, lat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(e.x.values[c], e.y.values[r])
    want = classify(e, xr.DataArray(lab, dims=("y", "x"), coords={"y": e.y, "x": e.x}), k=1)["class"].values
    tables = [pd.DataFrame({"lon": lon, "lat": lat, "label": lab[r, c]}),
              {"x": lon, "y": lat, "label": lab[r, c]}]
    for t in tables:
        kw = {"crs": "EPSG:4326"} if isinstance(t, dict) else {}
        np.testing.assert_array_equal(classify(e, t, k=1, **kw)["class"].values, want)
    gpd = pytest.importorskip("geopandas")
    gdf = gpd.GeoDataFrame({"label": lab[r, c]}, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    np.testing.assert_array_equal(classify(e, gdf, k=1)["class"].values, want)
    with pytest.raises(LabelError, match="no `label` column"):
        classify(e, gdf.rename(columns={"label": "cls"}))
    with pytest.raises(LabelError, match="lacks columns.*pass `crs=`"):
        classify(e, pd.DataFrame({"east": lon, "north": lat, "label": lab[r, c]}))


def test_case_C1_label_nodata_is_not_a_class(shared_data):
    from alphaearth_nb.evaluate import points_at
    from alphaearth_nb.readers import read_eolearn_patch
    _, labels = read_eolearn_patch(root=shared_data)
    assert labels.attrs["nodata"] == 0 and int((labels.values == 0).sum()) == 155
    e = embedding_from_array(random_unit(labels.shape, seed=23), coords={"y": labels.y.values, "x": labels.x.values},
                             crs=labels.attrs["crs"])
    out = classify(e, labels, k=1)
    assert set(np.unique(out["class"].values)) == {1, 2, 3, 4, 8}
    X, y = points_at(e, labels)
    assert set(np.unique(y)) == {1, 2, 3, 4, 8} and len(y) == labels.size - 155


@pytest.mark.parametrize("key,fill", [("_FillValue", 255), ("nodata", -9999), ("missing_value", 99)])
def test_other_label_nodata_conventions(planted, key, fill):
    e, truth = planted
    lab = np.where(np.arange(100).reshape(10, 10) % 3 == 0, truth, fill)
    raster = xr.DataArray(lab, dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs={key: fill})
    for method in ("knn", "linear"):
        cls = classify(e, raster, method=method, k=1)["class"].values
        assert set(np.unique(cls)) <= {0, 1, 2}
    t = xr.DataArray(np.where(lab == fill, fill, lab * 10.0), dims=("y", "x"), coords={"y": e.y, "x": e.x},
                     attrs={key: fill})
    pred = regress(e, t, method="knn", k=1).values
    assert np.nanmax(pred) <= 20.0 and np.nanmin(pred) >= 0.0  # the fill value was never a target


def test_case_C2_large_class_ids_keep_their_values():
    ids = np.array([1101000000, 2501000000, 4102000040])
    e = embedding_from_array(random_unit((5, 5), seed=24))
    pts = pd.DataFrame({"x": e.x.values[[0, 2, 4]], "y": e.y.values[[0, 2, 4]], "label": ids})
    for method in ("knn", "linear"):
        out = classify(e, pts, method=method, k=1)
        assert out["class"].dtype == np.int64
        assert set(np.unique(out["class"].values)) <= set(ids) and set(out.classes.values) == set(ids)
        assert out["class"].values[0, 0] == 1101000000 and out["class"].values[2, 2] == 2501000000


def test_every_output_carries_spatial_ref(emb):
    "Issue 11 (kind B): results are georeferenced the CF way, so `.rio` (and `.odc`) read their CRS."
    pytest.importorskip("rioxarray")  # registers .rio
    outs = [similarity(emb, random_unit((), seed=3)), change(emb, emb), rgb(emb), cluster(emb, 2).cluster,
            classify(emb, {"x": emb.x.values[[1, 2]], "y": emb.y.values[[1, 1]], "label": [1, 2]}, k=1)["class"],
            regress(emb, {"x": emb.x.values[[1, 2]], "y": emb.y.values[[1, 1]], "value": [1.0, 2.0]}, method="knn", k=1)]
    for o in outs:
        assert "spatial_ref" in o.coords and o.rio.crs.to_epsg() == 32631, o.name


def test_labels_of_an_unknown_kind_are_refused(emb):
    with pytest.raises(LabelError, match="must be a DataArray on the grid, a \\(Geo\\)DataFrame"):
        classify(emb, 5)


def test_classify_uint64_ids_beyond_int64_raise_not_wrap():
    "Field case C2: uint64 class ids >= 2**63 must not wrap to negatives; a LabelError names them and a fix."
    v = np.random.default_rng(0).normal(size=(4, 4, 64)).astype("f4"); v /= np.linalg.norm(v, axis=-1, keepdims=True)
    e = xr.DataArray(v, dims=("y", "x", "band"),
                     coords=dict(y=[40., 30, 20, 10], x=[0., 10, 20, 30], band=band_names()))
    pts = pd.DataFrame(dict(x=[0., 10], y=[40., 40], label=np.array([10**19, 10**19 + 1], np.uint64)))
    with pytest.raises(LabelError, match="10000000000000000000.*factorize"):
        classify(e, pts, k=1)
    codes, ids = pd.factorize(pts["label"]); pts["label"] = codes        # the fix the message gives works
    cls = classify(e, pts, k=1)["class"].values
    assert set(ids[cls.ravel()].tolist()) == {10**19, 10**19 + 1}
    ok = pd.DataFrame(dict(x=[0., 10], y=[40., 40], label=np.array([2**40, 2**40 + 1], np.uint64)))
    assert classify(e, ok, k=1)["class"].values.min() == 2**40           # uint64 ids that fit are kept as given


def test_object_dtype_integer_labels_keep_their_ids():
    "Integer ids read as pandas `object` (e.g. WorldCereal ewoc codes) keep their values, for knn and linear."
    e = embedding_from_array(random_unit((5, 5), seed=25))
    ids = [1101000000, 2501000000, 4102000040]
    for lab in (pd.Series([1, 2, 3], dtype=object), pd.Series(ids, dtype=object)):
        pts = pd.DataFrame({"x": e.x.values[[0, 2, 4]], "y": e.y.values[[0, 2, 4]], "label": lab})
        for method in ("knn", "linear"):
            out = classify(e, pts, method=method, k=1)
            assert out["class"].dtype.kind == "i" and out.classes.values.tolist() == list(lab)
            assert set(np.unique(out["class"].values)) <= set(lab) and out["class"].values[2, 2] == lab[1]
    mixed = pd.DataFrame({"x": e.x.values[[0, 2]], "y": e.y.values[[0, 2]], "label": pd.Series([1, "a"], dtype=object)})
    with pytest.raises(LabelError, match="mix"):
        classify(e, mixed, k=1)


@pytest.mark.parametrize("as_text", [lambda a: [str(v) for v in a], lambda a: np.asarray(a).astype(str),
                                     lambda a: pd.Series([str(v) for v in a], dtype="string"),
                                     lambda a: pd.Series([f" {v} " for v in a], dtype=object),
                                     lambda a: [a[0], str(a[1]), a[2]]])   # numbers and integer text mixed
def test_case_C_integer_text_labels_are_ids_int64(as_text):
    "Labels that all parse as integers ('1101000000', '2') are class ids kept as given (int64), for knn and linear."
    e = embedding_from_array(random_unit((5, 5), seed=25))
    for ids in ([1101000000, 2501000000, 4102000040], [2, 7, 11]):
        pts = pd.DataFrame({"x": e.x.values[[0, 2, 4]], "y": e.y.values[[0, 2, 4]], "label": as_text(ids)})
        for method in ("knn", "linear"):
            out = classify(e, pts, method=method, k=1)
            assert out["class"].dtype == np.int64 and out.classes.dtype == np.int64, method
            assert out.classes.values.tolist() == ids                      # the legend: the ids, in order
            assert set(np.unique(out["class"].values)) <= set(ids) and out["class"].values[2, 2] == ids[1]
            assert out["class"].values[0, 0] == ids[0] and out.scores.sel(classes=ids[2]).shape == (5, 5)


def test_labels_mixing_numbers_and_names_are_refused_as_in_the_cli():  # G2: what pd.read_csv gives a mixed column
    e = embedding_from_array(random_unit((5, 5), seed=25))
    pts = pd.DataFrame({"x": e.x.values[[0, 1, 2, 4]], "y": e.y.values[[0, 1, 2, 4]],
                        "label": ["1", "forest", "2", "water"]})
    for method in ("knn", "linear"):
        with pytest.raises(LabelError, match=r"mixes numbers \(1, 2\) and names \(forest, water\)"):
            classify(e, pts, method=method, k=1)
    with pytest.raises(LabelError, match="mixes numbers"):
        classify(e, {**pts, "label": ["1", "forest", "3.5", "water"]}, k=1)


def test_case_C_text_that_is_not_all_numbers_stays_names():
    e = embedding_from_array(random_unit((5, 5), seed=25))
    xy = {"x": e.x.values[[0, 2, 4]], "y": e.y.values[[0, 2, 4]]}
    out = classify(e, {**xy, "label": ["a", "b", "c"]}, k=1)
    assert out.classes.values.tolist() == ["a", "b", "c"]                # names: the map holds indices into them
    assert out.classes.values[out["class"].values[2, 2]] == "b"
    out = classify(e, {**xy, "label": ["2.0", "1", "3"]}, k=1)        # number text: numbers (labels.label_values)
    assert out.classes.values.tolist() == [1, 2, 3] and out["class"].values[2, 2] == 1


def test_case_C_integer_text_raster_labels():
    "A string raster of integer text: ids; negative and declared nodata pixels stay unlabelled, as for numbers."
    e = embedding_from_array(random_unit((4, 4), seed=26))
    lab = np.full((4, 4), "-1", object); lab[0, 0], lab[3, 3], lab[1, 1] = "2501000000", "1101000000", "0"
    r = xr.DataArray(lab, dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs={"nodata": 0})
    out = classify(e, r, k=1)
    assert out.classes.values.tolist() == [1101000000, 2501000000] and out["class"].dtype == np.int64
    assert out["class"].values[0, 0] == 2501000000
    for empty in ("", " ", None):   # empty text cells are unlabelled too, for ids and for names
        lab2 = lab.copy(); lab2[lab2 == "-1"] = empty
        got = classify(e, r.copy(data=lab2), k=1)
        assert got.classes.values.tolist() == [1101000000, 2501000000]
        names = np.where(lab2 == "2501000000", "crop", np.where(lab2 == "1101000000", "forest", lab2))
        assert classify(e, r.copy(data=names), k=1).classes.values.tolist() == ["crop", "forest"]  # "0": nodata


def test_change_of_a_grid_stored_in_float32_is_the_same_grid():  # B kind: coordinates compared by meaning
    "A geographic grid near the antimeridian written with float32 coordinates (a GeoTIFF or zarr round trip) is the "
    "same grid: its labels differ by float32 rounding (up to a sixth of a 10 m pixel), not by a pixel."
    px = 10 / 111320  # a 10 m pixel in degrees
    v = random_unit((4, 5))
    e = embedding_from_array(v, dict(y=-16.0 - px * np.arange(4), x=179.9995 + px * np.arange(5)), crs="EPSG:4326")
    f = e.assign_coords(x=e.x.astype(np.float32), y=e.y.astype(np.float32))
    assert np.abs(f.x.values.astype(np.float64) - e.x.values).max() > 1e-6  # the rounding is really there
    np.testing.assert_allclose(change(e, f).values, 0.0, atol=1e-6)
    with pytest.raises(GridError, match="different grids"):  # a shift of half a pixel is still another grid
        change(e, e.assign_coords(x=e.x + px / 2))


def test_label_geometries_of_every_kind_label_their_pixels_or_are_refused(emb):
    "MultiPoint labels (one feature, several places), polygons smaller than a pixel, lines, polygons off the grid."
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import GeometryCollection, LineString, MultiPoint, Point, box
    from alphaearth_nb.supervised import training_set
    x, y = emb.x.values, emb.y.values            # 10 m pixels, 7 rows x 6 columns; (0, 0) and (3, 4) no data
    frame = lambda geoms, labels: gpd.GeoDataFrame({"label": labels}, geometry=geoms, crs="EPSG:32631")
    # every point of a MultiPoint is a label (were all dropped: 'no labelled pixel found')
    X, v = training_set(emb, frame([MultiPoint([(x[1], y[1]), (x[2], y[1])]), MultiPoint([(x[5], y[6])])], [1, 2]))
    np.testing.assert_array_equal(v, [1, 1, 2])
    np.testing.assert_array_equal(X, emb.values[[1, 1, 6], [1, 2, 5]])
    X, v = training_set(emb, frame([GeometryCollection([Point(x[3], y[2]), Point(x[4], y[5])]), Point(x[1], y[1])],
                                   [7, 8]))
    np.testing.assert_array_equal(v, [8, 7, 7])   # plain points first, then the collection's parts
    np.testing.assert_array_equal(X, emb.values[[1, 2, 5], [1, 3, 4]])
    # a field smaller than a pixel that holds no pixel centre labels the pixel it lies in (was dropped silently)
    tiny = box(x[2] + 1, y[4] + 1, x[2] + 4, y[4] + 4)
    X, v = training_set(emb, frame([tiny, Point(x[5], y[0])], [3, 4]))
    assert sorted(zip(v.tolist(), map(tuple, X.round(6).tolist()))) == sorted(
        [(3, tuple(emb.values[4, 2].round(6).tolist())), (4, tuple(emb.values[0, 5].round(6).tolist()))])
    # ... unless that pixel is another polygon's: the larger field keeps it
    big = box(x[1] - 5, y[5] - 5, x[3] + 5, y[3] + 5)
    X, v = training_set(emb, frame([big, tiny], [5, 3]))
    assert (v == 5).all() and len(v) == 9
    # lines are neither points nor areas: named, not dropped (a line's first point was not used either)
    with pytest.raises(LabelError, match=r"\['LineString'\].*buffer"):
        training_set(emb, frame([LineString([(x[0], y[1]), (x[5], y[1])]), Point(x[5], y[5])], [1, 2]))
    # a polygon off the grid is refused like a point off the grid (was dropped silently)
    with pytest.raises(LabelError, match="outside the grid"):
        training_set(emb, frame([box(x[0] - 500, y[0] - 5, x[0] - 400, y[0] + 5), Point(x[5], y[5])], [1, 2]))


def test_class_names_differing_only_in_case_or_spaces_are_named(planted):
    "A CSV typed by hand: 'Forest', 'forest ' are two classes ('forest ' trimmed), 'Water', 'water' two, and the user is told."
    e, truth = planted
    x, y = e.x.values, e.y.values
    t = pd.DataFrame({"x": x[[0, 1, 2, 3]], "y": y[[0, 0, 0, 0]], "label": ["Forest", "forest ", "Water", "water"]})
    with pytest.warns(LabelWarning, match=r"'Forest', 'forest' \(and 1 more such groups\) differ only in case"):
        out = classify(e, t, k=1)
    assert out["scores"].classes.values.tolist() == ["Forest", "Water", "forest", "water"]   # trimmed; case kept
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # distinct names: not a word
        classify(e, t.assign(label=["forest", "forest", "water", "Grass"]), k=1)


@pytest.mark.parametrize("times", [
    [2022, 2023, 2024], [2022.0, 2023.0, 2024.0], ["2022", "2023", "2024"], ["2022-01-01", "2023-01-01", "2024-07-01"],
    "cftime"])
def test_cube_years_from_every_time_encoding(times):
    """A cube's years from cftime dates (netCDF with a noleap calendar), year numbers or dated text: yearly_change and
    sample name 2022..2024 (cftime was a TypeError deep in numpy)."""
    from alphaearth_nb.cubes import sample, yearly_change
    if times == "cftime":
        cftime = pytest.importorskip("cftime")
        times = [cftime.DatetimeNoLeap(y, 1, 1) for y in (2022, 2023, 2024)]
    e = embedding_from_array(random_unit((4, 6), seed=8))
    moved = e.isel(x=slice(None, None, -1)).assign_coords(x=e.x)   # every pixel changes in the last year (6 columns)
    cube = xr.concat([e, e, moved], dim="time").assign_coords(time=times)
    assert (yearly_change(cube)["year_of_change"].values == 2024).all()
    t = sample(cube, ([500_015.0], [4_999_985.0]), crs="EPSG:32631")
    assert t["year"].tolist() == [2022, 2023, 2024]


def test_cube_times_that_are_not_years_are_refused_with_the_conversion():
    "Epoch seconds or days since 1970 (netCDF read with decode_times=False) were reported as 'years' (19358.0)."
    from alphaearth_nb.core import TimeError
    from alphaearth_nb.cubes import sample, yearly_change
    e = embedding_from_array(random_unit((4, 5), seed=8))
    cube = xr.concat([e, e, e], dim="time")
    days = (pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"]) - pd.Timestamp("1970-01-01")).days.to_numpy()
    with pytest.raises(TimeError, match=r"days since 1970.*unit='D'"):
        yearly_change(cube.assign_coords(time=days))
    with pytest.raises(TimeError, match=r"epoch seconds.*unit='s'"):
        sample(cube.assign_coords(time=days * 86_400), ([500_015.0], [4_999_985.0]), crs="EPSG:32631")
    with pytest.raises(TimeError, match="carry no labels"):   # no coordinate: refused since 72839b98, no years 0, 1, 2
        sample(cube, ([500_015.0], [4_999_985.0]), crs="EPSG:32631")


def test_a_label_raster_larger_than_the_map_gives_the_labels_on_it(planted):
    """A land-cover raster clipped to a wider box than the embedding: every call was a LabelError ('72 label(s) lie
    outside the grid ... drop those outside it'), for classify and regress alike."""
    e, truth = planted                                     # 10 x 10 pixels from (500000, 5000000)
    big = xr.DataArray(np.full((14, 16), np.nan), dims=("y", "x"), coords=grid_coords(14, 16, 499_970, 5_000_020))
    big[2:12, 3:13] = truth                               # the map's pixels: rows 2.., columns 3..
    big[0, 0] = big[13, 15] = 7                           # labelled, but off the map
    lab = big.isel(y=slice(2, 12), x=slice(3, 13)).assign_coords(y=e.y, x=e.x)
    for fn, kw in ((classify, {"k": 1}), (regress, {"method": "knn", "k": 1})):
        a, b = fn(e, big, **kw), fn(e, lab, **kw)
        np.testing.assert_array_equal((a["class"] if fn is classify else a).values,
                                      (b["class"] if fn is classify else b).values)
    assert set(np.unique(classify(e, big, k=1)["class"].values)) == {0, 1, 2}   # the 7s were not on the map
    with pytest.raises(LabelError, match="all .* labelled pixels of the label raster lie outside the grid"):
        classify(e, big.assign_coords(x=big.x + 10_000))   # the raster elsewhere (a wrong CRS, most often)
    with pytest.raises(LabelError, match="outside the grid"):   # points off the map still raise
        classify(e, pd.DataFrame({"x": [499_985.0, 500_005.0], "y": [4_999_995.0] * 2, "label": [1, 2]}))


@pytest.mark.parametrize("cols", [("Longitude", "Latitude"), ("LON", "LAT"), ("lng", "lat"),
                                  ("decimalLongitude", "decimalLatitude")])
def test_lonlat_columns_in_any_spelling(planted, cols):
    """Field sheets and GBIF exports name them Longitude/Latitude, LON/LAT, lng, decimalLongitude (Darwin Core): they
    were a LabelError 'lacks columns ['x', 'y']' in classify and 'no lon/lat or x/y columns' in sample."""
    pytest.importorskip("geopandas")
    from pyproj import Transformer
    from alphaearth_nb.cubes import sample
    e, truth = planted
    r, c = np.array([0, 3, 6, 9]), np.array([1, 4, 7, 2])
    lon, lat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(e.x.values[c], e.y.values[r])
    xy = pd.DataFrame({"x": e.x.values[c], "y": e.y.values[r], "label": truth[r, c]})
    t = pd.DataFrame({cols[0]: lon, cols[1]: lat, "label": truth[r, c]})
    np.testing.assert_array_equal(classify(e, t, k=1)["class"].values, classify(e, xy, k=1)["class"].values)
    np.testing.assert_array_equal(sample(e, t)[band_names()].to_numpy(), e.values[r, c])


def test_points_labelled_minus_one_or_empty_are_unlabelled_as_in_a_raster(planted):
    "A label sheet's -1 ('unknown') was trained as class -1, whose pixels the class map then showed as no data (-1)."
    e, truth = planted
    x, y = e.x.values, e.y.values
    t = pd.DataFrame({"x": x[[0, 3, 6, 9]], "y": y[[0, 3, 6, 9]], "label": [1, 2, -1, 2]})
    want = classify(e, t.drop(index=2), k=1)["class"].values
    with pytest.warns(LabelWarning, match=r"1 of 4 labels are \[-1\].*unlabelled"):
        got = classify(e, t, k=1)
    np.testing.assert_array_equal(got["class"].values, want)
    assert set(np.unique(got["class"].values)) == {1, 2}
    names = t.assign(label=["a", "b", "  ", "b"])
    with pytest.warns(LabelWarning, match="empty names"):
        assert classify(e, names, k=1)["scores"].classes.values.tolist() == ["a", "b"]
    with pytest.raises(LabelError, match="no labelled point left"), pytest.warns(LabelWarning):
        classify(e, t.assign(label=-1))


@pytest.mark.parametrize("vals", [["1.5", "abc", "2"], ["a", "b", "c"]])
def test_regress_refuses_text_targets_in_its_own_words(planted, vals):
    "Text values for a regression target are a LabelError that speaks of numbers, not of classes."
    e, _ = planted
    df = pd.DataFrame({"x": e.x.values[:3], "y": e.y.values[:3], "value": vals})
    with pytest.raises(LabelError, match="regress needs numbers") as err:
        regress(e, df)
    assert "every class" not in str(err.value)
    ok = regress(e, df.assign(value=["1.5", "2.5", "3"]), method="knn", k=1)  # number text is still numbers
    assert np.isfinite(ok.values).all()


def test_conflicting_point_labels_at_one_pixel_are_named(planted):
    "Two points at one pixel with different labels: a UserWarning naming the count and what is done; same labels: none."
    e, truth = planted
    r, c = np.nonzero(np.isfinite(_few_labels(truth)))
    df = pd.DataFrame({"x": e.x.values[c], "y": e.y.values[r], "label": truth[r, c]})
    twin = df.iloc[[0, 1]].assign(label=lambda d: (d["label"] + 1) % 3)   # another class at two labelled pixels
    with pytest.warns(LabelWarning, match=r"2 pixels .*different labels.*kept") as rec:
        classify(e, pd.concat([df, twin]), method="knn", k=1)
    assert sum("different labels" in str(w.message) for w in rec) == 1
    with pytest.warns(LabelWarning, match=r"1 pixel .*different values.*kept"):
        regress(e, pd.concat([df, twin.iloc[:1]]).rename(columns={"label": "value"}), method="knn", k=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        classify(e, pd.concat([df, df.iloc[[0, 1]]]), method="knn", k=1)  # the same label twice: fine, silent


def test_a_packed_target_raster_is_read_in_its_units(tmp_path):
    "C kind on the way in: an int16 GeoTIFF with band scale 0.01 (rioxarray keeps it in attrs): regress was 100x off."
    rasterio = pytest.importorskip("rasterio")
    rioxarray = pytest.importorskip("rioxarray")
    from alphaearth_nb.features import points_at
    e = embedding_from_array(random_unit((5, 5), seed=23))
    raw = np.full((5, 5), -32768, np.int16)
    raw[0, 0], raw[2, 2], raw[4, 4] = 1250, 3000, -725        # 12.5, 30.0 and -7.25 in the file's units
    for offset, want in ((0.0, [12.5, 30.0, -7.25]), (-10.0, [2.5, 20.0, -17.25])):
        p = tmp_path / f"t{offset}.tif"
        with rasterio.open(p, "w", driver="GTiff", width=5, height=5, count=1, dtype="int16", crs="EPSG:32631",
                           transform=rasterio.Affine(10, 0, 500_000, 0, -10, 5_000_000), nodata=-32768) as d:
            d.write(raw[None]); d.scales, d.offsets = (0.01,), (offset,)
        t = rioxarray.open_rasterio(p)
        assert t.dtype == np.int16 and t.attrs["scale_factor"] == 0.01   # packed, as rioxarray reads it
        pred = e.aef.regress(t, method="knn", k=1)
        np.testing.assert_allclose([float(pred[0, 0]), float(pred[2, 2]), float(pred[4, 4])], want, atol=1e-4)
        assert float(pred.max()) <= max(want) + 1e-4       # the fill -32768 (-327.68) is no target
        _, y = points_at(e, t, positive=False)            # the protocol's pairs: the same values
        np.testing.assert_allclose(sorted(y), sorted(want), atol=1e-4)


def test_a_label_raster_half_a_pixel_off_is_refused_with_the_shift():
    "B kind: labels whose coordinates are cell corners (or pixel-is-point read as area) were placed by rounding."
    e = embedding_from_array(random_unit((5, 5), seed=23))
    vals = np.array([[1, 2, 3, 4, 1]] * 5, np.int16)
    # the same 10 m cells, coordinates at their top-left corners: x 5 m west, y 5 m north of the centres
    lab = xr.DataArray(vals, dims=("y", "x"), coords={"y": e.y.values + 5, "x": e.x.values - 5},
                       attrs={"crs": "EPSG:32631"})
    with pytest.raises(GridError, match=r"half a pixel off.*labels.assign_coords\(y=labels.y - 5, x=labels.x \+ 5\)"):
        classify(e, lab, k=1)
    fixed = classify(e, lab.assign_coords(y=lab.y - 5, x=lab.x + 5), k=1)["class"].values
    np.testing.assert_array_equal(fixed, vals)               # k=1 on a fully labelled map: each pixel its own label
    # only half a pixel: a raster at another resolution, or in another CRS, is placed as before
    coarse = xr.DataArray(np.array([[1, 2], [3, 4]]), dims=("y", "x"), coords={"y": e.y.values[[1, 3]],
                                                                               "x": e.x.values[[1, 3]] + 1},
                          attrs={"crs": "EPSG:32631"})
    assert set(np.unique(classify(e, coarse, k=1)["class"].values)) == {1, 2, 3, 4}
    # change() names the same shift for an embedding read with corner coordinates
    other = e.assign_coords(y=e.y + 5, x=e.x - 5)
    with pytest.raises(GridError, match=r"other.assign_coords\(y=other.y - 5, x=other.x \+ 5\)"):
        change(e, other)
    assert float(np.nanmax(np.abs(change(e, other.assign_coords(y=other.y - 5, x=other.x + 5)).values))) < 1e-6


def test_case_C18_nested_label_polygons_whatever_the_row_order():
    "Fields inside a background polygon: a pixel centre in several polygons goes to the smallest, in any row order, warned."
    import itertools
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import box
    from alphaearth_nb.cubes import label_table
    e = embedding_from_array(random_unit((6, 6), seed=3)); x, y = e.x.values, e.y.values
    B = lambda c0, c1, r0, r1: box(x[c0] - 5 + 1e-3, y[r1] - 5 + 1e-3, x[c1] + 5 - 1e-3, y[r0] + 5 - 1e-3)
    g = gpd.GeoDataFrame({"label": [2, 3, 1]}, geometry=[B(0, 1, 0, 1), B(4, 5, 4, 5), B(0, 5, 0, 5)], crs="EPSG:32631")
    want = np.ones((6, 6), int); want[:2, :2] = 2; want[4:, 4:] = 3          # hand-worked: 4 + 4 field pixels, 28 region
    for order in itertools.permutations(range(3)):
        with pytest.warns(LabelWarning, match=r"8 labelled pixels .* smallest"):
            t = label_table(e, g.iloc[list(order)])
        got = np.zeros((6, 6), int)
        got[np.searchsorted(-y, -t.y.to_numpy()), np.searchsorted(x, t.x.to_numpy())] = t.label.to_numpy()
        np.testing.assert_array_equal(got, want)
        assert len(t) == 36
        with pytest.warns(LabelWarning, match="smallest"):
            out = classify(e, g.iloc[list(order)], k=1)
        assert set(np.unique(out["class"].values).tolist()) == {1, 2, 3}
    with warnings.catch_warnings():
        warnings.simplefilter("error")               # touching, not overlapping: silent
        label_table(e, g.iloc[[0, 1]])


def test_label_names_held_as_bytes_are_names():
    "C kind: a label column of bytes (text from netCDF/HDF5, or h5py) was kept as bytes: names b'crop' on the way out."
    e = embedding_from_array(random_unit((4, 4), seed=2))
    df = pd.DataFrame({"x": e.x.values[:3], "y": e.y.values[:3], "label": [b"forest", b"crop", b"forest"]})
    for labels in (df, df.assign(label=df.label.astype("S6"))):
        r = classify(e, labels, k=1)
        assert list(r.scores.classes.values) == ["crop", "forest"] and r["class"].attrs["class_names"] == ["crop", "forest"]
        assert r["class"].values[[0, 1, 2], [0, 1, 2]].tolist() == [1, 0, 1]
    ids = classify(e, df.assign(label=[b"7", b"3", b"7"]), k=1)["class"]   # integer text as bytes: ids, as for str
    assert ids.values[[0, 1, 2], [0, 1, 2]].tolist() == [7, 3, 7]


def test_case_B18_a_point_on_a_pixel_edge_is_one_pixel_everywhere():
    "rasterio's rule (a point on an edge belongs to the pixel east/south of it) in sample, similarity, labels and clicks."
    from alphaearth_nb.supervised import training_set
    from alphaearth_nb.explorer import TileSampler
    from alphaearth_nb.geo import pixel_indices
    e = embedding_from_array(random_unit((6, 6), seed=5)); x, y = e.x.values, e.y.values   # centres ...05, edges ...00
    for px, py, want in ((x[2] + 5.0, y[1], (1, 3)),            # vertical edge between columns 2 and 3: east
                         (x[2], y[2] - 5.0, (3, 2)),            # horizontal edge between rows 2 and 3: south
                         (x[2] + 5.0, y[2] - 5.0, (3, 3)),      # a corner: south-east
                         (x[0] - 5.0, y[0] + 5.0, (0, 0))):     # the grid's own north-west corner
        assert tuple(int(v[0]) for v in pixel_indices(e, [px], [py])) == want
        s = e.aef.similarity((px, py)).values
        assert np.unravel_index(np.nanargmax(s), s.shape) == want
        got = e.aef.sample(pd.DataFrame({"x": [px], "y": [py]}), crs="EPSG:32631")[band_names()].to_numpy()[0]
        np.testing.assert_array_equal(got, e.values[want])
        X, _ = training_set(e, pd.DataFrame({"x": [px], "y": [py], "label": [1]}))
        np.testing.assert_array_equal(X[0], e.values[want])
        r, c, ok = TileSampler(e).rows_cols(np.array([px]), np.array([py]))
        assert ok[0] and (int(r[0]), int(c[0])) == want
    for k in range(5):                                           # every vertical edge: east (np.round alternated)
        r, c, _ = TileSampler(e).rows_cols(np.array([x[k] + 5.0]), np.array([y[0]]))
        assert int(c[0]) == k + 1


def test_case_B18_pixel_edges_on_degree_grids_agree_in_lookups_samples_and_clicks():
    "Review 2 item 1: three copies of the edge rule disagreed on degree grids (float steps): now one `geo.cell_index`."
    from alphaearth_nb.cubes import pixel_of
    from alphaearth_nb.explorer import TileSampler
    from alphaearth_nb.geo import pixel_indices
    for step, n, sy in ((0.00025, 400, -1), (8.98e-5, 300, -1), (1e-4, 300, 1)):   # an ascending y: stored south-first
        x = 12.3 + np.arange(n) * step; y = 45.6 + sy * np.arange(n) * step
        e = embedding_from_array(random_unit((n, n), seed=1), {"y": y, "x": x}, crs="EPSG:4326")
        ex, ey = (x[1:] + x[:-1]) / 2, (y[1:] + y[:-1]) / 2   # every vertical edge, every horizontal edge
        px, py = np.r_[ex, np.full(n - 1, x[n // 2])], np.r_[np.full(n - 1, y[n // 2]), ey]
        a = pixel_indices(e, px, py)
        b = pixel_of(e, px, py)
        c = TileSampler(e).rows_cols(px, py)
        assert b[2].all() and c[2].all()
        for k in (0, 1):
            np.testing.assert_array_equal(a[k], b[k]); np.testing.assert_array_equal(a[k], c[k])
        assert set(np.r_[a[1][: n - 1] - np.arange(n - 1), a[0][n - 1:] - np.arange(n - 1)]) <= {0, 1}   # a neighbour


def test_per_year_labels_meet_the_cube_by_year():
    "B/C kind: labels with their own time dim were paired with a cube's years by position (2022's labels on 2021)."
    from alphaearth_nb.core import TimeError
    e = embedding_from_array(random_unit((4, 4), seed=2))
    years = lambda *ys: pd.to_datetime([f"{y}-01-01" for y in ys])
    cube = xr.concat([e, e], dim=xr.DataArray(years(2021, 2022), dims="time", name="time"))
    l21, l22 = np.array([[1, 2, -1, -1]] * 4), np.array([[3, 4, -1, -1]] * 4)
    labs = xr.DataArray(np.stack([l22, l21]), dims=("time", "y", "x"),
                        coords={"time": years(2022, 2021), "y": e.y, "x": e.x})      # stored newest first
    r = classify(cube, labs, k=1)["class"]
    assert set(np.unique(r.sel(time="2021").values)) == {1, 2} and set(np.unique(r.sel(time="2022").values)) == {3, 4}
    mid = labs.assign_coords(time=pd.to_datetime(["2022-07-01", "2021-07-01"]))       # mid-year dates: the same years
    assert set(np.unique(classify(cube, mid, k=1)["class"].sel(time="2021").values)) == {1, 2}
    with pytest.raises(TimeError, match=r"years \[2022, 2023\] but the cube \[2021, 2022\].*\[2021\]"):
        classify(cube, labs.assign_coords(time=years(2022, 2023)), k=1)
    with pytest.raises(TimeError, match="3 time steps but the cube 2"):    # no time coordinate: by position
        classify(cube, xr.concat([labs.drop_vars("time")] * 2, "time").isel(time=[0, 1, 2]), k=1)
    # without time coordinates on both, position is all there is (as before); one raster serves every year
    by_pos = classify(cube.drop_vars("time"), labs.drop_vars("time"), k=1)["class"].values
    np.testing.assert_array_equal(by_pos[1][:, :2], l21[:, :2])
    assert set(np.unique(classify(cube, xr.DataArray(l21, dims=("y", "x"), coords={"y": e.y, "x": e.x}),
                                  k=1)["class"].values)) == {1, 2}


# --- G18-4: a cube's point query with no data in one year: that year NaN, the others computed, the year named -------
def _cube_with_a_gap():
    import pandas as pd
    from alphaearth_nb.testing import embedding_from_array, random_unit
    es = [embedding_from_array(random_unit((4, 4), seed=s)) for s in (1, 2, 3)]
    es[1] = es[1].copy(); es[1][1, 1] = np.nan       # pixel (y=1, x=1) has no data in 2023 only
    t = xr.DataArray(pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"]), dims="time", name="time")
    return xr.concat(es, dim=t)


def test_a_cube_point_query_empty_in_one_year():
    from alphaearth_nb.core import NoDataWarning
    cube = _cube_with_a_gap()
    pt = (float(cube.x[1]), float(cube.y[1]))
    with pytest.warns(NoDataWarning, match=r"similarity: no data for time 2023-01-01 .*the other 2 computed"):
        s = cube.aef.similarity(pt)
    assert s.sizes["time"] == 3 and np.isnan(s.isel(time=1).values).all()
    np.testing.assert_allclose(s.values[[0, 2], 1, 1], 1.0, atol=1e-6)   # each year's own vector at the point
    for i in (0, 2):   # the other years as computed alone
        np.testing.assert_allclose(s.isel(time=i).values, cube.isel(time=i).aef.similarity(pt).values)


def test_a_cube_point_query_empty_in_every_year_names_it():
    from alphaearth_nb.core import NoValidDataError
    cube = _cube_with_a_gap().copy()
    cube[:, 1, 1] = np.nan
    with pytest.raises(NoValidDataError, match=r"has no data .*\(time 2022-01-01 and 2 more\)"):
        cube.aef.similarity((float(cube.x[1]), float(cube.y[1])))


# --- G18-6: a label raster given as the Dataset xr.open_dataset returns is its one variable -------------------------
def _label_ds(e, crs_on_dataset=True):
    lab = xr.DataArray((np.arange(e.sizes["y"] * e.sizes["x"]).reshape(e.sizes["y"], e.sizes["x"]) % 3).astype(np.int16),
                       dims=("y", "x"), coords={"y": e.y, "x": e.x}, name="lulc")
    ds = lab.to_dataset()
    if crs_on_dataset: ds.attrs["crs"] = e.attrs["crs"]     # as a netCDF's global attribute
    else: ds["lulc"].attrs["crs"] = e.attrs["crs"]
    return ds


@pytest.mark.parametrize("on_dataset", [True, False])
def test_a_label_dataset_of_one_variable_is_that_variable(on_dataset):
    from alphaearth_nb.features import points_at
    e = embedding_from_array(random_unit((6, 5), seed=4))
    ds = _label_ds(e, on_dataset)
    da = ds["lulc"].assign_attrs(crs=e.attrs["crs"])
    X1, y1 = points_at(e, ds); X2, y2 = points_at(e, da)
    np.testing.assert_array_equal(X1, X2); np.testing.assert_array_equal(y1, y2)
    a, b = classify(e, ds, k=1), classify(e, da, k=1)
    np.testing.assert_array_equal(a["class"].values, b["class"].values)
    np.testing.assert_array_equal(a["class"].values, da.values)     # k=1 on its own labels: each pixel its label
    r1, r2 = regress(e, ds.astype(np.float32), k=1), regress(e, da.astype(np.float32), k=1)
    np.testing.assert_allclose(r1.values, r2.values)


def test_a_label_dataset_of_several_variables_names_them():
    from alphaearth_nb.features import points_at
    e = embedding_from_array(random_unit((6, 5), seed=4))
    ds = _label_ds(e).assign(other=lambda d: d["lulc"] * 2)
    for f in (lambda: points_at(e, ds), lambda: classify(e, ds, k=1), lambda: regress(e, ds, k=1)):
        with pytest.raises(LabelError, match=r"Dataset of 2 data variables \['lulc', 'other'\]: .*ds\['lulc'\]"): f()


def test_case_C18_a_label_raster_of_another_resolution_labels_each_map_pixel_once():
    "20 m and 5 m label rasters on a 10 m map: each of the 64 pixels is one training point, its label the cell holding its centre."
    from alphaearth_nb.supervised import training_set
    e = embedding_from_array(random_unit((8, 8), seed=1))                       # 10 m, corner (500000, 5000000)
    cls = np.array([[1, 1, 2, 2]] * 2 + [[3, 3, 4, 4]] * 2)
    want = np.kron(cls, np.ones((2, 2), int))                                  # hand-worked: pixel (r, c) -> cls[r//2, c//2]
    def raster(res):
        n = int(80 // res)
        a = np.kron(cls, np.ones((n // 4, n // 4), int))
        return xr.DataArray(a, dims=("y", "x"), coords={"y": 5_000_000 - res * (np.arange(n) + 0.5),
                                                         "x": 500_000 + res * (np.arange(n) + 0.5)}, attrs={"crs": "EPSG:32631"})
    flat = e.values.reshape(-1, 64)
    for res in (20.0, 5.0):
        with pytest.warns(GridWarning, match="cell holding"):
            X, v = training_set(e, raster(res))
        assert len(v) == 64
        pix = [int(np.flatnonzero((flat == x).all(1))[0]) for x in X]
        assert sorted(pix) == list(range(64))
        np.testing.assert_array_equal(v, want.ravel()[pix])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        X, v = training_set(e, raster(10.0))                                     # the map's own grid: as before
    assert len(v) == 64


def test_case_C18_note_two_label_texts_read_as_one_id_are_named():
    "'01' and '1' are one class id by design (integer text is ids): the user is told which texts merged."
    e = embedding_from_array(random_unit((5, 5), seed=4))
    x, y = e.x.values, e.y.values
    t = pd.DataFrame({"x": x[[0, 1, 2, 3]], "y": y[[0, 1, 2, 3]], "label": ["01", "1", "2", " 2"]})
    with pytest.warns(LabelWarning, match=r"'01' and '1' .*class 1"):
        out = classify(e, t, k=1)
    assert set(np.unique(out["class"].values).tolist()) == {1, 2}
    with warnings.catch_warnings():
        warnings.simplefilter("error")              # padding spaces alone are the same text: silent
        classify(e, t.assign(label=["1", "1 ", "2", " 2"]), k=1)


def test_case_G18_8_a_shapely_point_is_the_point(emb):
    "A shapely Point is the point (x, y) it holds (self-similarity 1 at its pixel); another geometry names the fix."
    from shapely.geometry import Point, box
    x, y = float(emb.x[3]), float(emb.y[2])
    want = similarity(emb, (x, y)).values
    assert abs(want[2, 3] - 1) < 1e-6
    np.testing.assert_allclose(similarity(emb, Point(x, y)).values, want, atol=1e-6)
    np.testing.assert_allclose(emb.aef.similarity(Point(x, y)).values, want, atol=1e-6)
    with pytest.raises(DimensionError, match="representative_point"): similarity(emb, box(x - 5, y - 5, x + 5, y + 5))


def test_case_C19_labels_per_year_in_a_table_train_their_own_year():
    "A cube and labels with a `year` column (cubes.sample's form): each year trains on its own rows (was: on every row)."
    v = random_unit((2,), seed=5)                                              # two directions, alternating pixels
    e = embedding_from_array(np.where((np.arange(36) % 2).reshape(6, 6, 1) == 0, v[0], v[1]).astype(np.float32))
    cube = xr.concat([e, e], xr.DataArray(pd.to_datetime(["2023-01-01", "2024-01-01"]), dims="time", name="time"))
    x, y = e.x.values, e.y.values
    # the land cover changed: pixel (0, 0) is class 1 in 2023 and 2 in 2024, its neighbour (0, 1) the other way
    t = pd.DataFrame({"x": x[[0, 1, 0, 1]], "y": y[[0, 0, 0, 0]], "label": [1, 2, 2, 1], "year": [2023, 2023, 2024, 2024]})
    c = classify(cube, t, k=1)["class"].values
    assert c[0, 0, 0] == 1 and c[1, 0, 0] == 2 and c[0, 0, 1] == 2 and c[1, 0, 1] == 1
    assert (c[0] == np.where(np.arange(36).reshape(6, 6) % 2 == 0, 1, 2)).all() and (c[1] == 3 - c[0]).all()
    r = regress(cube, t.rename(columns={"label": "value"}).astype({"value": float}), method="knn", k=1).values
    assert r[:, 0, 0].tolist() == [1.0, 2.0]
    with pytest.raises(LabelError, match=r"no row for \[2024\]"): classify(cube, t[t.year == 2023], k=1)
    with pytest.warns(LabelWarning, match=r"years \[2022\] are not years of the cube"):
        classify(cube, pd.concat([t, t.iloc[:2].assign(year=2022)]), k=1)
    with pytest.raises(LabelError, match="the map records no year"):   # one map of no recorded year, rows of 2: refused
        classify(e, t, k=1)
    assert classify(e, t[t.year == 2024], k=1)["class"].values.shape == (6, 6)   # one year's rows: every row


def test_case_C19_sample_a_cube_at_each_points_own_year():
    "Points with a `year` column on a cube: each sampled at its own year, one row each (was a raw pandas ValueError)."
    e23, e24 = embedding_from_array(random_unit((3, 4), seed=8)), embedding_from_array(random_unit((3, 4), seed=9))
    cube = xr.concat([e23, e24], xr.DataArray(pd.to_datetime(["2023-01-01", "2024-01-01"]), dims="time", name="time"))
    t = pd.DataFrame({"x": e23.x.values[[0, 1, 2]], "y": e23.y.values[[0, 0, 1]], "year": [2023, 2024, 2019], "id": [7, 8, 9]})
    with pytest.warns(NoDataWarning, match=r"1 points have a 'year' \(\[2019\]\) that is not a year of the cube"):
        s = cube.aef.sample(t, crs="EPSG:32631")
    got = s[band_names()].to_numpy()
    assert len(s) == 3 and s["id"].tolist() == [7, 8, 9] and s["year"].tolist() == [2023, 2024, 2019]
    np.testing.assert_array_equal(got[0], e23.values[0, 0]); np.testing.assert_array_equal(got[1], e24.values[0, 1])
    assert np.isnan(got[2]).all()
    every = cube.aef.sample(t.drop(columns="year"), crs="EPSG:32631")      # no year column: every year, as before
    assert len(every) == 6 and every["year"].tolist() == [2023] * 3 + [2024] * 3


def test_training_set_of_a_cube_is_our_error():
    from alphaearth_nb.supervised import training_set
    e = embedding_from_array(random_unit((3, 4), seed=8))
    cube = xr.concat([e, e], xr.DataArray(pd.to_datetime(["2023-01-01", "2024-01-01"]), dims="time", name="time"))
    t = pd.DataFrame({"x": e.x.values[[0, 1]], "y": e.y.values[[0, 0]], "label": [1, 2]})
    with pytest.raises(DimensionError, match=r"cube of 2 time steps.*isel\(time=0\)"): training_set(cube, t)
    X, y = training_set(cube.isel(time=0), t)                                    # one year: the two labelled pixels
    np.testing.assert_array_equal(X, e.values[0, :2]); assert y.tolist() == [1, 2]


def test_change_is_one_minus_the_cosine_and_says_so():  # N19-4
    "An official pixel is not exactly unit (norm 0.994..1.006): `change` is 1 - cos, not the `1 - e1 . e2` it named."
    from alphaearth_nb.evaluate import change_scores
    a = random_unit((4, 5), seed=1)
    b = np.where(np.arange(5)[None, :, None] < 2, a, random_unit((4, 5), seed=2))   # columns 0, 1 unchanged
    e1, e2 = embedding_from_array(0.995 * a), embedding_from_array(0.999 * b)
    cos = (a * b).sum(-1)
    np.testing.assert_allclose(change(e1, e2).values, 1 - cos, atol=1e-6)             # 0 on the unchanged pixels
    assert np.abs((e1.values * e2.values).sum(-1)[:, :2] - 1).min() > 1e-3           # where 1 - e1 . e2 is not 0
    for f in (change, change_scores):
        doc = " ".join(f.__doc__.split())
        assert "1 - cos" in doc and "1 - e1 . e2`" not in doc, doc


def test_an_embedding_given_as_labels_is_named_so_in_pythons_words():
    # classify(emb, emb) was told "select one layer, e.g. `labels.isel(time=0)`": the labels are no layer stack
    emb = embedding_from_array(random_unit((5, 4), seed=3))
    for f in (classify, regress):
        with pytest.raises(LabelError, match=r"embedding field.*class ids on the embedding's grid, dims \(y, x\)") as e:
            f(emb, emb)
        assert "isel" not in str(e.value) and "--labels" not in str(e.value)


def test_a_label_stack_is_told_to_select_along_its_own_dim():
    # a (band, y, x) label raster was told `labels.isel(time=0)`, a dim it does not have
    emb = embedding_from_array(random_unit((5, 4), seed=3))
    lab = xr.DataArray(np.ones((2, 5, 4), np.int16), dims=("band", "y", "x"), coords={"y": emb.y, "x": emb.x})
    with pytest.raises(LabelError, match=r"labels\.isel\(band=0\)"):
        classify(emb, lab)


def test_label_plumbing_moved_to_supervised_is_still_analysis_names():
    from alphaearth_nb import analysis, supervised
    for name in ("label_points", "training_set", "predict_pixels"):
        assert getattr(analysis, name) is getattr(supervised, name) and name in analysis.__all__


def test_change_of_cubes_with_a_year_missing_names_both_cubes_years():
    "Was TimeError '... a per-year input ... `labels.sel(time=cube.time)`': a labels fix for two embedding cubes."
    from alphaearth_nb.core import TimeError
    e = embedding_from_array(random_unit((4, 4), seed=2))
    years = lambda *ys: xr.DataArray(pd.to_datetime([f"{y}-01-01" for y in ys]), dims="time", name="time")
    f = embedding_from_array(random_unit((4, 4), seed=3))   # another map: one map twice is refused (SameMapError)
    a, b = xr.concat([e, e, e], dim=years(2021, 2022, 2023)), xr.concat([f, f], dim=years(2021, 2023))
    with pytest.raises(TimeError) as err:
        change(a, b)
    msg = str(err.value)
    assert "[2021, 2022, 2023]" in msg and "[2021, 2023]" in msg and "[2022]" in msg
    assert "labels" not in msg and "isin" in msg
    assert change(a.isel(time=[0, 2]), b).sizes["time"] == 2
