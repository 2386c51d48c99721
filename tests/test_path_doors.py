"""A path where an array, map, stack or table is wanted: one rule (`core.is_path`), one message (`core.refuse_path`'s
`DTypeError` '..., got the path 'x.npy': load it first, e.g. ...') at every door of knn, index, linear, vote,
directions, evaluate, quality, analysis, supervised, cubes, gate, pixels, quantize, features, exports, places, maps,
labels, embeddings, stacks, testing, spatial, antimeridian, geo, crs_checks, points, geometries, samples, tiles,
official, mirrors, schema, readers, bands, earthengine, label_grids, sites, declared_units, spellings, stream,
sources, tables, years, commands and the `.aef` accessor, before any other check. Was: a bare AttributeError
(`knn.centring_offset('x.npy')`, `wider_than_float32`, cubes' zones, quality's stacks), no error at all
(`index.recall_at('a.npy', truth)`, `supervised.rows_of_map`, `evaluate.unlabelled`), numpy's TypeError or
ValueError, or messages naming fixes that do not apply; `as_embedding('x.npy')` named only the readers of Zarr,
GeoTIFF and netCDF. The map door's advice for a .npy array and a CSV table, run as written, gives the embedding back.
The doors are found by themselves too, parameter by parameter: every parameter of a public function annotated or
documented as data is given the path by a DOORS row, or listed (READERS, NOT_DOORS; OPEN, empty since session 35)
with why, so a new door without the rule, or a door's second data parameter without it, fails the suite."""
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import numpy as np
import pandas as pd
import geopandas as gpd
import pytest
import xarray as xr
from shapely.geometry import Point

import alphaearth_nb as aef
from alphaearth_nb import analysis, cubes, directions, evaluate, index, knn, linear, quality, supervised, vote
from alphaearth_nb import embeddings, exports, features, gate, labels, maps, pixels, places, stacks, testing
from alphaearth_nb import geotexts, mirrors, official, readers, samples, schema, tiles
from alphaearth_nb import antimeridian, crs_checks, geo, geometries, points, spatial
from alphaearth_nb import areas
from alphaearth_nb import terrain, timecodes, units
from alphaearth_nb import bands, declared_units, earthengine, label_grids, sites, spellings, stream
from alphaearth_nb import empty_rows
from alphaearth_nb import grids, zones
from alphaearth_nb import commands, explorer
from alphaearth_nb import trained_year, vector_labels
from alphaearth_nb.quantize import dequantize, quantize, roundtrip_bound
from alphaearth_nb._param_docs import SECTIONS
from alphaearth_nb.core import CallableModule, DTypeError, LOADERS, is_path
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((3, 4), seed=2))
X = random_unit((20,), seed=3)
Y = np.arange(20) % 2
W = np.zeros((65, 2), np.float32)
POS = np.array([[0, 1], [1, 0]])
STACK = aef.stacks.toy_stack()
SAMPLER, S2 = samples.SAMPLERS["tiny"], schema.resolve("sentinel2")
TEXTS = pd.DataFrame({"y": [4999985.0], "x": [500015.0], "time": ["2021-05-01"], "text": ["wheat"]})
LAB = xr.DataArray(np.arange(12).reshape(3, 4) % 2, dims=("y", "x"), coords={"y": EMB.y, "x": EMB.x})

DOORS = {   # door -> (call of a path, the kind of readers named)
    "knn.wider_than_float32": (lambda p: knn.wider_than_float32(p), "array"),
    "knn.centring_offset": (lambda p: knn.centring_offset(p), "array"),
    "knn.knn_search/train_x": (lambda p: knn.knn_search(p, X[:2], k=1), "array"),
    "knn.knn_search/query_x": (lambda p: knn.knn_search(X, p, k=1), "array"),
    "knn.knn_indices/query_x": (lambda p: knn.knn_indices(X, p, k=1), "array"),
    "knn.knn_predict/train_x": (lambda p: knn.knn_predict(p, Y, X[:2], 1, 2), "array"),
    "knn.knn_predict/train_y": (lambda p: knn.knn_predict(X, p, X[:2], 1, 2), "array"),
    "knn.knn_predict/query_x": (lambda p: knn.knn_predict(X, Y, p, 1, 2), "array"),
    "index.vectors_of": (lambda p: index.vectors_of(p), "index"),
    "index.exact_search/vectors": (lambda p: index.exact_search(p, X[:2]), "vectors"),
    "index.exact_search/query": (lambda p: index.exact_search(X, p), "vectors"),
    "index.VectorIndex.candidates": (lambda p: index.VectorIndex(index.vectors_of(EMB), "usearch", None).candidates(p, 2), "vectors"),
    "index.recall_at/found": (lambda p: index.recall_at(p, POS), "array"),
    "index.recall_at/truth": (lambda p: index.recall_at(POS, p), "array"),
    "linear.check_xy/x": (lambda p: linear.check_xy(p, Y), "array"),
    "linear.check_xy/y": (lambda p: linear.check_xy(X, p), "array"),
    "linear.least_squares_fit/y": (lambda p: linear.least_squares_fit(X, p), "array"),
    "linear.least_squares_fit_checked/x": (lambda p: linear.least_squares_fit_checked(p, Y[:, None]), "array"),
    "linear.least_squares_fit_checked/t": (lambda p: linear.least_squares_fit_checked(X, p), "array"),
    "linear.least_squares_predict/W": (lambda p: linear.least_squares_predict(p, X), "array"),
    "linear.linear_probe_fit/y": (lambda p: linear.linear_probe_fit(X, p, 2), "array"),
    "linear.linear_probe_fit_checked/x": (lambda p: linear.linear_probe_fit_checked(p, Y, 2), "array"),
    "linear.linear_probe_fit_checked/y": (lambda p: linear.linear_probe_fit_checked(X, p, 2), "array"),
    "linear.linear_probe_predict/W": (lambda p: linear.linear_probe_predict(p, X), "array"),
    "embeddings.as_embedding": (lambda p: as_embedding(p), "map"),
    "aef.from_official": (lambda p: aef.from_official(p), "map"),
    "aef.change/other": (lambda p: EMB.aef.change(p), "map"),
    "aef.similarity/target": (lambda p: EMB.aef.similarity(p), "vectors"),
    "vote.knn_vote": (lambda p: vote.knn_vote(p, 2), "array"),
    "vote.knn_vote_rows/nn_rows": (lambda p: vote.knn_vote_rows(p, np.array([0, 1]), 2), "array"),
    "vote.knn_vote_rows/labels": (lambda p: vote.knn_vote_rows(np.array([[0, 1]]), p, 2), "array"),
    "directions.unit_rows": (lambda p: directions.unit_rows(p), "array"),
    "directions.cosines/v": (lambda p: directions.cosines(p, X[0]), "array"),
    "directions.cosines/q": (lambda p: directions.cosines(X, p), "vectors"),
    "directions.change_score/u1": (lambda p: directions.change_score(p, X), "array"),
    "directions.change_score/u2": (lambda p: directions.change_score(X, p), "array"),
    "evaluate.evaluate_embeddings/x": (lambda p: evaluate.evaluate_embeddings(p, Y), "array"),
    "evaluate.evaluate_embeddings/y": (lambda p: evaluate.evaluate_embeddings(X, p), "array"),
    "evaluate.evaluate_regression/y": (lambda p: evaluate.evaluate_regression(X, p), "array"),
    "evaluate.unlabelled": (lambda p: evaluate.unlabelled(p), "array"),
    "evaluate.drop_unlabelled/x": (lambda p: evaluate.drop_unlabelled(p, Y), "array"),
    "evaluate.drop_unlabelled/vals": (lambda p: evaluate.drop_unlabelled(X, p), "array"),
    "evaluate.fill_like_ids": (lambda p: evaluate.fill_like_ids(p), "array"),
    "evaluate.warn_fill_ids": (lambda p: evaluate.warn_fill_ids(p), "array"),
    "evaluate.balanced_accuracy/y_true": (lambda p: evaluate.balanced_accuracy(p, Y), "array"),
    "evaluate.balanced_accuracy/y_pred": (lambda p: evaluate.balanced_accuracy(Y, p), "array"),
    "evaluate.r2": (lambda p: evaluate.r2(p, Y), "array"),
    "evaluate.mae": (lambda p: evaluate.mae(Y, p), "array"),
    "evaluate.shots_per_class": (lambda p: evaluate.shots_per_class(p, 1), "array"),
    "evaluate.nshot_split": (lambda p: evaluate.nshot_split(p, 1), "array"),
    "evaluate.max_trial_folds": (lambda p: evaluate.max_trial_folds(p), "array"),
    "evaluate.max_trial_split": (lambda p: evaluate.max_trial_split(p, 0), "array"),
    "evaluate.change_scores/e1": (lambda p: evaluate.change_scores(p, X), "array"),
    "evaluate.change_scores/e2": (lambda p: evaluate.change_scores(X, p), "array"),
    "evaluate.change_threshold_sweep/e1": (lambda p: evaluate.change_threshold_sweep(p, X, Y > 0), "array"),
    "evaluate.change_threshold_sweep/changed": (lambda p: evaluate.change_threshold_sweep(X, X, p), "array"),
    "evaluate.separated_points": (lambda p: evaluate.separated_points(p), "array"),
    "quality.raw_series_features": (lambda p: quality.raw_series_features(p, 2020), "stack"),
    "quality.seasonal_composite_features": (lambda p: quality.seasonal_composite_features(p, 2020), "stack"),
    "quality.baseline_features": (lambda p: quality.baseline_features(p, 2020), "stack"),
    "quality.scene_points": (lambda p: quality.scene_points(p, 10.0), "raster"),
    "quality.zscore_pooled": (lambda p: quality.zscore_pooled([X, p]), "array"),
    "quality.error_ratio": (lambda p: quality.error_ratio(p, 1), "array"),
    "quality.effective_dims": (lambda p: quality.effective_dims(X, p), "array"),
    "quality.compare_on_scene/stack": (lambda p: quality.compare_on_scene(p, LAB, {}), "stack"),
    "quality.compare_on_scene/embeddings": (lambda p: quality.compare_on_scene(STACK, LAB, {2020: p}), "map"),
    "maps.plot_change_events/change": (lambda p: maps.plot_change_events(p, LAB > 0), "raster"),
    "maps.plot_change_events/events": (lambda p: maps.plot_change_events(LAB * 1.0, p), "raster"),
    "analysis.similarity/emb": (lambda p: analysis.similarity(p, X[0]), "map"),
    "clusters.sample_pixels": (lambda p: analysis.sample_pixels(p), "map"),
    "clusters.pca_basis": (lambda p: analysis.pca_basis(p), "array"),
    "clusters.spherical_kmeans": (lambda p: analysis.spherical_kmeans(p, np.ones(20), None, 2), "array"),
    "clusters.cluster": (lambda p: analysis.cluster(p, 2), "map"),
    "analysis.classify/emb": (lambda p: analysis.classify(p, LAB), "map"),
    "supervised.rows_of_map": (lambda p: supervised.rows_of_map(p, LAB), "map"),
    "supervised.rows_by_year": (lambda p: supervised.rows_by_year(p, LAB), "map"),
    "supervised.training_set": (lambda p: supervised.training_set(p, LAB), "map"),
    "vector_labels.labelled_vectors": (lambda p: vector_labels.labelled_vectors(p), "table"),
    "trained_year.year_vectors/emb": (lambda p: trained_year.year_vectors(p, LAB, 2024), "map"),
    "supervised.gated_training_set": (lambda p: supervised.gated_training_set(p, LAB), "map"),
    "supervised.place_labels/emb": (lambda p: supervised.place_labels(p, LAB), "map"),
    "supervised.labelled_rows/emb": (lambda p: supervised.labelled_rows(p, supervised.place_labels(EMB, LAB)), "map"),
    "supervised.gated_placed/emb": (lambda p: supervised.gated_placed(p, LAB, "classify"), "map"),
    "supervised.predict_pixels": (lambda p: supervised.predict_pixels(p, lambda v: v[:, :1], 1), "map"),
    "cubes.coarsen": (lambda p: cubes.coarsen(p, 2), "map"),
    "zones.tile_zones": (lambda p: zones.tile_zones(p, 2), "map"),
    "zones.h3_zones": (lambda p: zones.h3_zones(p, 5), "map"),
    "zones.zones_of": (lambda p: zones.zones_of(p, tile=2), "map"),
    "zones.aggregate": (lambda p: zones.aggregate(p, tile=2), "map"),
    "cubes.label_table": (lambda p: cubes.label_table(p, LAB), "map"),
    "quantize.quantize": (lambda p: quantize(p), "array"),
    "quantize.dequantize": (lambda p: dequantize(p), "array"),
    "quantize.roundtrip_bound": (lambda p: roundtrip_bound(p), "array"),
    "features.lonlat/x": (lambda p: features.lonlat(p, 0.0, "EPSG:32631"), "array"),
    "features.lonlat/y": (lambda p: features.lonlat(0.0, p, "EPSG:32631"), "array"),
    "exports.block_mean_direction": (lambda p: exports.block_mean_direction(p, 2), "map"),
    "exports.vectorize": (lambda p: exports.vectorize(p), "raster"),
    "places.grid_of": (lambda p: places.grid_of(p), "map"),
    "places.cube_crs": (lambda p: places.cube_crs(p), "map"),
    "places.transform_of": (lambda p: places.transform_of(p), "map"),
    "places.gather": (lambda p: places.gather(p, [0], [0]), "map"),
    "places.pixel_of": (lambda p: places.pixel_of(p, [0.0], [0.0]), "map"),
    "places.years_of_cube": (lambda p: places.years_of_cube(p), "map"),
    "places.years_with_data": (lambda p: places.years_with_data(p), "map"),
    "places.off_map_hint": (lambda p: places.off_map_hint(p, np.zeros(1), np.zeros(1)), "map"),
    "places.points_table": (lambda p: places.points_table(p, np.ones(1, bool), np.zeros((1, 64))), "array"),
    "maps.downsample": (lambda p: maps.downsample(p), "raster"),
    "maps.extent": (lambda p: maps.extent(p), "raster"),
    "maps.plot_classes": (lambda p: maps.plot_classes(p), "raster"),
    "maps.plot_heat": (lambda p: maps.plot_heat(p), "raster"),
    "maps.plot_years": (lambda p: maps.plot_years(p), "map"),
    "maps.to_rgba": (lambda p: maps.to_rgba(p), "map"),
    "labels.data_variables": (lambda p: labels.data_variables(p), "map"),
    "embeddings.tiff_scheme": (lambda p: embeddings.tiff_scheme(p), "raster"),
    "embeddings.provenance_tags": (lambda p: embeddings.provenance_tags(p), "map"),
    "embeddings.provenance_attrs": (lambda p: embeddings.provenance_attrs(p), "raster"),
    "pixels.pixelwise": (lambda p: pixels.pixelwise(np.abs, EMB, p), "map"),
    "pixels.values_at": (lambda p: pixels.values_at(p, [0], [0]), "map"),
    "pixels.per_pixel": (lambda p: pixels.per_pixel(np.abs, p), "map"),
    "pixels.at_pixels": (lambda p: pixels.at_pixels(p, [0], [0]), "map"),
    "pixels.map_sample": (lambda p: pixels.map_sample(p), "map"),
    "pixels.read_once": (lambda p: pixels.read_once(p), "map"),
    "pixels.read_sample": (lambda p: pixels.read_sample(p), "map"),
    "pixels.held": (lambda p: pixels.held(p), "map"),
    "pixels.per_pixel_sample": (lambda p: pixels.per_pixel_sample(p), "map"),
    "pixels.one_value": (lambda p: pixels.one_value(p), "array"),
    "map_checks.median_cosine": (lambda p: aef.map_checks.median_cosine(p), "array"),
    "gate.map_byte_codes": (lambda p: gate.map_byte_codes(p), "map"),
    "gate.gated": (lambda p: gate.gated(p), "map"),
    "gate.valid_bounds": (lambda p: gate.valid_bounds(p), "map"),
    "gate.refuse_no_data": (lambda p: gate.refuse_no_data(p), "map"),
    "gate.fill_rows": (lambda p: gate.fill_rows(p), "array"),
    "gate.linear_as_codes": (lambda p: gate.linear_as_codes(p), "array"),
    "gate.linear_rows": (lambda p: gate.linear_rows(p), "array"),
    "gate.gate_vectors": (lambda p: gate.gate_vectors(p), "array"),
    "gate.sq_norms": (lambda p: gate.sq_norms(p), "array"),
    "gate.byte_codes": (lambda p: gate.byte_codes(p), "array"),
    "gate.table_codes": (lambda p: gate.table_codes(p), "array"),
    "gate.power_scale": (lambda p: gate.power_scale(p), "array"),
    "gate.scale_hint": (lambda p: gate.scale_hint(p), "array"),
    "stacks.validate_stack": (lambda p: stacks.validate_stack(p), "stack"),
    "stacks.to_frames": (lambda p: stacks.to_frames(p), "stack"),
    "features.composite_features": (lambda p: features.composite_features(p), "stack"),
    "features.xy_features": (lambda p: features.xy_features(p), "stack"),
    "aef.embed/stack": (lambda p: aef.embed(p, aef.model.init("tiny"), 2024), "stack"),
    "train.fit/data": (lambda p: aef.train.fit("tiny", p, steps=1), "stack"),
    "testing.embedding_from_array": (lambda p: testing.embedding_from_array(p), "array"),
    "samples.read_texts": (lambda p: samples.read_texts(p), "table"),
    "geotexts.place_texts/texts": (lambda p: geotexts.place_texts(p, STACK["sentinel2"].to_dataset(), 8), "table"),
    "geotexts.place_texts/ds": (lambda p: geotexts.place_texts(TEXTS, p, 8), "stack"),
    "samples.prepare/stack": (lambda p: samples.prepare(p, SAMPLER), "stack"),
    "samples.prepare/texts": (lambda p: samples.prepare(STACK, SAMPLER, texts=p), "table"),
    "samples.prepare/strata": (lambda p: samples.prepare(STACK, SAMPLER, strata=p), "raster"),
    "samples.sample_example/texts": (lambda p: samples.sample_example(STACK, SAMPLER, 0, texts=p), "table"),
    "samples.sample_batch/strata": (lambda p: samples.sample_batch(STACK, SAMPLER, 0, 2, strata=p), "raster"),
    "samples.Batches/texts": (lambda p: samples.Batches(STACK, SAMPLER, 2, texts=p), "table"),
    "tiles.png": (lambda p: tiles.png(p), "array"),
    "tiles.TileSampler": (lambda p: tiles.TileSampler(p), "map"),
    "official.unit_length": (lambda p: official.unit_length(p), "map"),
    "official.mosaic/cubes": (lambda p: official.mosaic(p, None), "map"),
    "official.mosaic/cube": (lambda p: official.mosaic([p], None), "map"),
    "official.zone_cube": (lambda p: official.zone_cube(p, None, [2024]), "table"),
    "official.grid_for": (lambda p: official.grid_for(p), "places"),
    "official.open": (lambda p: official.open(p), "places"),
    "mirrors.area_of": (lambda p: mirrors.area_of(p), "places"),
    "mirrors.tiles": (lambda p: mirrors.tiles(p, 2024), "places"),
    "mirrors.fetch_tiles": (lambda p: mirrors.fetch_tiles(p, 2024, "unused"), "places"),
    "schema.orbit_coord": (lambda p: schema.orbit_coord(p), "source"),
    "schema.check_orbits": (lambda p: schema.check_orbits(p), "source"),
    "schema.naive_utc": (lambda p: schema.naive_utc(p), "source"),
    "schema.check_grid": (lambda p: schema.check_grid("s2", p, None), "source"),
    "schema.pixel_metres": (lambda p: schema.pixel_metres(p), "raster"),
    "schema.check_pixel_size": (lambda p: schema.check_pixel_size("s2", p), "source"),
    "stacks.check_cloud_layer": (lambda p: stacks.check_cloud_layer("s2", p), "source"),
    "schema.check_source": (lambda p: schema.check_source("sentinel2", p, S2), "source"),
    "schema.mask_declared": (lambda p: schema.mask_declared(p, S2), "source"),
    "readers.masked": (lambda p: readers.masked("sentinel2", "B2", p), "array"),
    "readers.s1_db": (lambda p: readers.s1_db(p), "array"),
    "readers.slope_degrees": (lambda p: readers.slope_degrees(p, 10.0, 10.0), "raster"),
}

# the geo owner's doors (spatial, antimeridian, geo, crs_checks, points, geometries): a map, coordinates, geometries
_GS = gpd.GeoSeries([Point(500_010.0, 4_999_990.0)], crs="EPSG:32631")
_C = [0.0]
DOORS.update({f"spatial.{n}": ((lambda f: lambda p: f(p))(getattr(spatial, n)), "raster") for n in (
    "rename_spatial", "declared_nodata", "declared_valid_range", "outside_valid", "unpacked", "crs_of", "geotransform",
    "geotransform_steps", "pixel_size", "coords_geotransform", "axis_span", "axes_to_turn", "circle_start", "north_up", "flip_rows",
    "centred")})
DOORS.update({
    "spatial.write_crs": (lambda p: spatial.write_crs(p, "EPSG:4326"), "raster"),
    "spatial.write_crs/no crs": (lambda p: spatial.write_crs(p, None), "raster"),   # was: the path given back
    "spatial.stored_rounding": (lambda p: spatial.stored_rounding(p, "x"), "raster"),
    "spatial.axis_step": (lambda p: spatial.axis_step(p, "x"), "raster"),
    "spatial.wrapped_like": (lambda p: spatial.wrapped_like(p, _C), "raster"),
    "spatial.half_pixel": (lambda p: spatial.half_pixel(p), "array"),
    "grids.corner_centres": (lambda p: grids.corner_centres(p), "raster"),
    "spatial.spatial_dim": (lambda p: spatial.spatial_dim(p, spatial.X_NAMES), "raster"),   # dims' (was spatial._spatial_dim)
    "antimeridian.turn_shift": (lambda p: antimeridian.turn_shift(p, 0.0), "raster"),
    "antimeridian.wrap_geometries/obj": (lambda p: antimeridian.wrap_geometries(p, _GS), "raster"),
    "antimeridian.wrap_geometries/geoms": (lambda p: antimeridian.wrap_geometries(EMB, p), "places"),
    "antimeridian.geometries_like/obj": (lambda p: antimeridian.geometries_like(p, _GS), "raster"),
    "antimeridian.geometries_like/geoms": (lambda p: antimeridian.geometries_like(EMB, p), "places"),  # was: given back
    "antimeridian.geometries_on/obj": (lambda p: antimeridian.geometries_on(p, _GS), "raster"),
    "antimeridian.geometries_on/gdf": (lambda p: antimeridian.geometries_on(EMB, p), "places"),
    "antimeridian.unwrap_lon": (lambda p: antimeridian.unwrap_lon(p), "places"),
    "antimeridian.has_geometry": (lambda p: antimeridian.has_geometry(p), "places"),
    "geo.cell_index": (lambda p: geo.cell_index(0.0, 1.0, p), "array"),
    "geo.cell_inside": (lambda p: geo.cell_inside(0.0, 1.0, 3, p), "array"),
    "geo.check_monotonic": (lambda p: geo.check_monotonic(p, "x"), "array"),
    "geo.wrap_x": (lambda p: geo.wrap_x(p, _C), "raster"),
    "geo.check_pixels": (lambda p: geo.check_pixels(p), "raster"),
    "geo.inside_grid": (lambda p: geo.inside_grid(p, _C, _C), "raster"),
    "geo.swapped_on": (lambda p: geo.swapped_on(p, _C, _C), "raster"),
    "geo.pixel_indices/obj": (lambda p: geo.pixel_indices(p, _C, _C), "raster"),
    "geo.pixel_indices/xs": (lambda p: geo.pixel_indices(EMB, p, _C), "array"),
    "geo.pixel_indices/ys": (lambda p: geo.pixel_indices(EMB, _C, p), "array"),
    "geo.crs_guess": (lambda p: geo.crs_guess(p, _C, _C), "raster"),
    "geo.crs_advice": (lambda p: geo.crs_advice(p, _C, _C), "raster"),
    "geo.check_own_crs": (lambda p: geo.check_own_crs(p, _C, _C, "EPSG:4326"), "raster"),
    "geo.point_crs": (lambda p: geo.point_crs(p, _C, _C), "raster"),
    "same_grid.half_pixel_off/a": (lambda p: geo.half_pixel_off(p, EMB), "raster"),
    "same_grid.half_pixel_off/b": (lambda p: geo.half_pixel_off(EMB, p), "raster"),
    "same_grid.check_same_grid/a": (lambda p: geo.check_same_grid(p, EMB), "raster"),
    "same_grid.check_same_grid/b": (lambda p: geo.check_same_grid(EMB, p), "raster"),
    "same_grid.orient_like/b": (lambda p: geo.orient_like(p, EMB), "raster"),
    "same_grid.orient_like/a": (lambda p: geo.orient_like(EMB, p), "raster"),
    "same_grid.refuse_interleaved/objs": (lambda p: geo.refuse_interleaved(EMB, p), "raster"),
    "crs_checks.check_grid_degrees": (lambda p: crs_checks.check_grid_degrees(p), "raster"),
    "crs_checks.check_degrees/lon": (lambda p: crs_checks.check_degrees(p, _C), "array"),
    "crs_checks.check_degrees/lat": (lambda p: crs_checks.check_degrees(_C, p), "array"),
    "crs_checks.area_gap": (lambda p: crs_checks.area_gap("EPSG:4326", p, _C), "array"),
    "crs_checks.check_area_of_use": (lambda p: crs_checks.check_area_of_use("EPSG:4326", _C, p), "array"),
    "crs_checks.shapes_in_area": (lambda p: crs_checks.shapes_in_area(p), "places"),
    "crs_checks.to_crs/xs": (lambda p: crs_checks.to_crs(p, _C, "EPSG:4326", "EPSG:32631"), "array"),
    "crs_checks.to_crs/ys": (lambda p: crs_checks.to_crs(_C, p, "EPSG:4326", "EPSG:32631"), "array"),
    "points.with_coordinates": (lambda p: points.with_coordinates(p, _C), "array"),
    "geometries.lonlat_columns": (lambda p: geometries.lonlat_columns(p), "table"),
    "geometries.valid_polygons": (lambda p: geometries.valid_polygons(p), "places"),
    "geometries.own_crs_on": (lambda p: geometries.own_crs_on(p, _GS), "raster"),
    "places.cube_form": (lambda p: places.cube_form(p), "map"),
    "places.off_map_hint/xs": (lambda p: places.off_map_hint(EMB, p, np.zeros(1)), "array"),
    "places.off_map_hint/ys": (lambda p: places.off_map_hint(EMB, np.zeros(1), p), "array"),
    "places.warn_zones_off_map/emb": (lambda p: places.warn_zones_off_map(p, _GS), "map"),
    "places.warn_zones_off_map/gdf": (lambda p: places.warn_zones_off_map(EMB, p), "places"),
})

# the tidy owner's doors (units, timecodes): a band's values, a source's frames, a table's column of times or years
DOORS.update({
    "units.sample_values": (lambda p: units.sample_values(p), "raster"),
    "units.frame_samples": (lambda p: units.frame_samples(p), "source"),
    "timecodes.unwritten_years": (lambda p: timecodes.unwritten_years(p), "table"),
    "timecodes.column_years": (lambda p: timecodes.column_years(p), "table"),
})

# session 35's doors: bands' features and vectors
DOORS.update({
    "bands.by_band": (lambda p: bands.by_band(p), "array"),   # was: an array of the path's text
    "bands.band_parts": (lambda p: bands.band_parts(p), "array"),
    "bands.join_parts/a": (lambda p: bands.join_parts(p, None), "array"),   # was: the path given back
    "bands.join_parts/extra": (lambda p: bands.join_parts(W, p), "array"),
    "bands.real_parts": (lambda p: bands.real_parts(p, "features"), "array"),
    "bands.near_embedding": (lambda p: bands.near_embedding(p, "features"), "array"),
    "bands.label_bands": (lambda p: bands.label_bands(p), "map"),
    "bands.query_array": (lambda p: bands.query_array(p), "vectors"),
})

# earthengine's: its masks' arrays and xee's sources
DOORS.update({
    "earthengine.cloud_score_clear": (lambda p: earthengine.cloud_score_clear(p), "array"),   # was: ValueError
    "earthengine.fmask_clear": (lambda p: earthengine.fmask_clear(p), "array"),
    "earthengine.drop_night": (lambda p: earthengine.drop_night(p), "source"),   # was: AttributeError
    "earthengine.pad_bands": (lambda p: earthengine.pad_bands(p, ("B2",)), "source"),
    "earthengine.dedupe_passes": (lambda p: earthengine.dedupe_passes(p), "source"),
    "earthengine.to_stack_dataset": (lambda p: earthengine.to_stack_dataset(p, "sentinel2"), "source"),
})

# empty_rows' (session 35, new module): a table's features
DOORS.update({
    "empty_rows.decoded_rows": (lambda p: empty_rows.decoded_rows(p), "array"),
    "empty_rows.no_data_rows": (lambda p: empty_rows.no_data_rows(p), "array"),
    "empty_rows.nan_rows": (lambda p: empty_rows.nan_rows(p), "array"),
    "empty_rows.refuse_file_rows": (lambda p: empty_rows.refuse_file_rows(p, [0, 1], "e.csv", "--embeddings"), "array"),
})

# labels' and label_grids': a label raster
DOORS.update({
    "labels.labelled_cells": (lambda p: labels.labelled_cells(p), "raster"),   # was: True (one labelled cell)
    "labels.labelled_values": (lambda p: labels.labelled_values(p), "raster"),   # was: the path's text one class
    "label_grids.on_map_grid/grid": (lambda p: label_grids.on_map_grid(p, LAB), "raster"),
    "label_grids.on_map_grid/labels": (lambda p: label_grids.on_map_grid(EMB, p), "raster"),
})

# sites': strata, polygons, a raster of ids
DOORS.update({
    "sites.boundary_points": (lambda p: sites.boundary_points(p, 3), "places"),   # was: geopandas' TypeError
    "sites.raster_points": (lambda p: sites.raster_points(p, 1, 2, np.random.default_rng(0)), "raster"),
    "sites.candidates": (lambda p: sites.candidates(p, None, "ECO_ID", 2, 2, 0, 10.0), "places"),   # was: no reader
    "sites.sample_sites": (lambda p: sites.sample_sites(p, (2020, 2021)), "places"),
    "sites.site_table": (lambda p: sites.site_table(p), "table"),   # a site table of one's own (create_site_corpus)
})

# testing's, stacks' and samples': a map, a stack, a source, examples
_DS = STACK[next(iter(STACK.children))].to_dataset()
DOORS.update({
    "testing.fake_official": (lambda p: testing.fake_official(p), "map"),   # was: AttributeError
    "testing.official_tiff": (lambda p: testing.official_tiff(p), "map"),
    "testing.with_source/stack": (lambda p: testing.with_source(p, "s", _DS), "stack"),
    "testing.with_source/ds": (lambda p: testing.with_source(STACK, "sentinel2", p), "source"),   # was: a source of it
    "stacks.source_arrays": (lambda p: stacks.source_arrays(p, "sentinel2"), "stack"),
    "samples.stack_examples": (lambda p: samples.stack_examples(p), "stack"),   # was: an array of the path's letters
})

# one source's doors (declared_units, spellings, units, sources, stream): a source's Dataset, a stack, a site's texts
_S2 = aef.sources.get_source("sentinel2")
DOORS.update({
    "declared_units.check_declared_units": (lambda p: declared_units.check_declared_units("sentinel2", p), "source"),
    "declared_units.registry_units": (lambda p: declared_units.registry_units(p, "sentinel2"), "source"),
    "spellings.check_meta": (lambda p: spellings.check_meta("s2", p, _S2), "source"),   # was: passed
    "spellings.check_meta_names": (lambda p: spellings.check_meta_names("s2", p, _S2), "source"),   # was: passed
    "terrain.check_terrain": (lambda p: terrain.check_terrain("sentinel2", p), "source"),   # was: passed
    "sources.compute_stats": (lambda p: aef.sources.compute_stats("sentinel2", p), "stack"),   # was: AxisError
    "stream.write_source": (lambda p: stream.write_source(None, "sentinel2", p), "source"),
    "stream.write_site/stack": (lambda p: stream.write_site(Path(p).parent / "corpus", "s", p), "stack"),
    "stream.write_site/texts": (lambda p: stream.write_site(Path(p).parent / "corpus", "s", STACK, p), "table"),
})

# the rest: a map, its labels, a table, a stack, example vectors
DOORS.update({
    "analysis.query_vector": (lambda p: analysis.query_vector(p, X[0]), "map"),
    "features.points_at/features": (lambda p: features.points_at(p, LAB), "map"),
    "features.points_at/labels": (lambda p: features.points_at(EMB, p), "raster"),   # was: LabelError 'got a str'
    "supervised.label_points": (lambda p: supervised.label_points(p), "raster"),   # was: LabelError 'got str'
    "tables.table_numbers": (lambda p: aef.tables.table_numbers(p, "a"), "table"),   # was: TypeError
    "years.map_year": (lambda p: aef.years.map_year(p), "map"),   # was: None
    "years.warn_support_outside": (lambda p: aef.years.warn_support_outside(p), "map"),
    "commands.labels_from_csv": (lambda p: commands.labels_from_csv(p, "label"), "table"),   # was: AttributeError
    "commands.model_sources": (lambda p: commands.model_sources(p, None), "stack"),
    "explorer.query_rule/positives": (lambda p: explorer.query_rule(p), "vectors"),
    "explorer.query_rule/negatives": (lambda p: explorer.query_rule(X[0], p), "vectors"),
    "embeddings.refuse_rotation": (lambda p: embeddings.refuse_rotation(p), "raster"),
    "maps.plot": (lambda p: maps.plot(p), "map"),
})

# parameters each door refused already, untested: documented as data without an annotation (found since session 35),
# or a second data parameter of a door DOORS tested by its first only
_T = pd.DataFrame({"x": [0.0], "y": [0.0]})
DOORS.update({
    "analysis.change/emb": (lambda p: analysis.change(p, EMB), "map"),
    "areas.class_areas/class_map": (lambda p: areas.class_areas(p), "raster"),
    "areas.pixel_hectares/m": (lambda p: areas.pixel_hectares(p), "raster"),
    "areas.change_area/change_map": (lambda p: areas.change_area(p, 0.5), "raster"),
    "clusters.rgb": (lambda p: analysis.rgb(p), "map"),
    "analysis.regress/emb": (lambda p: analysis.regress(p, LAB), "map"),
    "embeddings.validate_embedding": (lambda p: embeddings.validate_embedding(p), "map"),
    "embeddings.quantize_embedding": (lambda p: embeddings.quantize_embedding(p), "map"),
    "embeddings.dequantize_embedding": (lambda p: embeddings.dequantize_embedding(p), "map"),
    "evaluate.evaluate_regression/x": (lambda p: evaluate.evaluate_regression(p, Y), "array"),
    "evaluate.change_threshold_sweep/e2": (lambda p: evaluate.change_threshold_sweep(X, p, Y > 0), "array"),
    "explorer.Explorer": (lambda p: explorer.Explorer(p), "map"),
    "explorer.explore": (lambda p: explorer.explore(p), "map"),
    "exports.to_cog": (lambda p: exports.to_cog(p, Path(p).with_suffix(".tif")), "map"),
    "exports.map_to_cog": (lambda p: exports.map_to_cog(p, Path(p).with_suffix(".tif")), "raster"),
    "geometries.read_places/obj": (lambda p: geometries.read_places(_T, obj=p), "raster"),
    "index.build": (lambda p: index.build(p), "index"),
    "linear.least_squares_fit/x": (lambda p: linear.least_squares_fit(p, Y), "array"),
    "linear.least_squares_predict/x": (lambda p: linear.least_squares_predict(W, p), "array"),
    "linear.linear_probe_fit/x": (lambda p: linear.linear_probe_fit(p, Y, 2), "array"),
    "linear.linear_probe_predict/x": (lambda p: linear.linear_probe_predict(W, p), "array"),
    "maps.plot_rgb": (lambda p: maps.plot_rgb(p), "map"),
    "stores.to_zarr": (lambda p: aef.stores.to_zarr(p, Path(p).with_suffix(".zarr")), "map"),
    "years.yearly_change": (lambda p: aef.years.yearly_change(p), "map"),
    "quality.compare_on_scene/labels": (lambda p: quality.compare_on_scene(STACK, p, {}), "raster"),
    "samples.sample_example/stack": (lambda p: samples.sample_example(p, SAMPLER, 0), "stack"),
    "samples.sample_example/strata": (lambda p: samples.sample_example(STACK, SAMPLER, 0, strata=p), "raster"),
    "samples.sample_batch/stack": (lambda p: samples.sample_batch(p, SAMPLER, 0, 2), "stack"),
    "samples.sample_batch/texts": (lambda p: samples.sample_batch(STACK, SAMPLER, 0, 2, texts=p), "table"),
    "samples.Batches/stack": (lambda p: samples.Batches(p, SAMPLER, 2), "stack"),
    "samples.Batches/strata": (lambda p: samples.Batches(STACK, SAMPLER, 2, strata=p), "raster"),
    "train.fit/texts": (lambda p: aef.train.fit("tiny", STACK, steps=1, texts=p), "table"),
})


@pytest.mark.parametrize("door", list(DOORS))
@pytest.mark.parametrize("form", [str, Path])
def test_a_path_at_every_door_is_the_one_message(door, form, tmp_path):
    call, kind = DOORS[door]
    path = tmp_path / "x.npy"
    np.save(path, X)
    with pytest.raises(DTypeError) as e:
        call(form(path))
    assert str(e.value).endswith(f", got the path '{path}': load it first, e.g. {LOADERS[kind]}"), str(e.value)


def test_the_rule_of_a_path():
    assert all(is_path(p) for p in ("x.npy", "data/q.csv", "emb.zarr", Path("q")))
    assert not any(is_path(t) for t in ("0.5", "-1.e5", "forest", "", 3, ["x.npy"]))


def _advice(msg:str, marker:str) -> str:
    "The code in backticks of the advice that `marker` starts."
    return next(c for c in re.findall(r"`([^`]+)`", msg) if c.startswith(marker))


def test_the_map_advice_for_a_npy_array_and_a_table_gives_the_embedding(tmp_path):
    emb = as_embedding(EMB)
    npy, csv = tmp_path / "x.npy", tmp_path / "x.csv"
    np.save(npy, EMB.values)
    EMB.to_dataset("band").drop_vars("spatial_ref", errors="ignore").to_dataframe().reset_index().to_csv(csv, index=False)
    names = {"aef": aef, "np": np, "ys": EMB.y.values, "xs": EMB.x.values}
    for path, marker in ((npy, "aef.testing.embedding_from_array"), (csv, "aef.tables.read_table(path).set_index")):
        with pytest.raises(DTypeError) as e:
            as_embedding(str(path))
        code = _advice(str(e.value), marker).replace("EPSG:...", emb.attrs["crs"])
        got = as_embedding(eval(code, {**names, "path": path}))
        xr.testing.assert_allclose(got.drop_vars("spatial_ref", errors="ignore"),
                                   emb.drop_vars("spatial_ref", errors="ignore"))
        assert got.attrs["crs"] == emb.attrs["crs"]


# Doors found by themselves, parameter by parameter. Every parameter of every public function and method of every
# module (its `__all__`) annotated as data (np.ndarray, xr.DataArray, xr.Dataset, xr.DataTree, pd.DataFrame,
# GeoDataFrame) or, unannotated, documented so by its docments comment (`_param_docs.SECTIONS`): naming one of those
# types ("a DataFrame's x/y" names no data), or starting with what data it is ("embedding (y, x, band)", "the map ...",
# "features, (N, D)", "(y, x) map", "a table (N, 64)"; "a table's column names" is no table) is a door: a DOORS row
# gives it the path (the key's '/parameter'; no such suffix: the function's first data parameter), or a list below
# names it ('function/parameter', or 'function' for all its parameters) with why. A new door without the rule fails
# here; so does a door whose first parameter is tested and whose second is not. Inspection only (signatures and the
# comments): nothing is called.
_DATA = r"\b(?:np\.ndarray|ndarray|DataArray|Dataset|DataTree|DataFrame|GeoDataFrame)\b"
_SAID = (r"^(?:(?:an?|the|one|one year's|float|int8|source)\s+)*(?:(?:embeddings?|cubes?|maps?|rasters?|tables?|"
         r"arrays?|stacks?|rows|vectors|features)\b(?!'s)|\((?:y|time|N|n|\.\.\.)\b)")   # what a comment starts with

READERS = {   # doors that take a path by design: they read the file themselves (no refusal wanted)
    "geometries.read_geometries": "src: a vector file path is one of its forms (geopandas reads it)",
    "geometries.points_xy": "points: a vector file of points is one of its forms",
    "places.sample": "points: a vector file of points is one of its forms",
    "official.sample_points": "points: a vector file of points is one of its forms",
    "local_mirror.build_local_mirror": "samples: the aef_samples folder or one CSV of it (`readers.read_aef_samples`)",
    "linear.warn_fill_values": "targets: what the values were read from, a table's file too (the fix names it)",
    # one parameter ('function/parameter') that reads a path itself, its others doors
    "zones.zones_of/zones": "a vector file is one of its forms",
    "zones.aggregate/zones": "a vector file is one of its forms",
    "cubes.label_table/labels": "a vector file is one of its forms",
    "supervised.training_set/labels": "a vector file, or a CSV/Parquet table of points, is one of its forms",
    "supervised.gated_training_set/labels": "a vector file, or a CSV/Parquet table of points, is one of its forms",
    "supervised.place_labels/labels": "a vector file, or a CSV/Parquet table of points, is one of its forms",
    "places.warn_zones_off_map/zones": "the zones as given, their file too: its own CRS label is what it reads",
    "stores.stac_item/path": "the GeoTIFF's path or URL: the file it describes",
}
NOT_DOORS = {   # data parameters that are no door for a user's file
    # records of the package's own: built by the package from arrays it made, never from a user's file
    "index.Rows": "record", "index.Rows.tie_rank": "record", "index.Matches": "record",
    "frame_arrays.SourceArrays": "record", "landscape.Layout": "record", "sensors.Surface": "record", "corpus.Event": "record",
    "evaluate.shares_table": "record", "evaluate.table_said": "record",   # `evaluate_embeddings`' table, printed
    # the commands' own steps on what they have read already (`open_embeddings`, `open_maps`, `classify`)
    "evaluate_cmd.sample_labels/emb": "read by the command", "map_cmd.one_year/cube": "read by the command",
    "map_cmd.legend/classes": "the command's class map",
    # xarray builds the accessors from the object `.aef` is read on
    "accessor.EmbeddingAccessor": "xarray's", "accessor.StackAccessor": "xarray's",
    # answers for any object, a path too (False, None, or the object given back): no error to replace
    "accessor.holds_embedding": "False", "bands.band_dim": "given back", "bands.list_vectors": "given back",
    "bands.band_variables": "None", "bands.narrow_floats": "given back",
    "run_data.data_from/data": "None", "run_data.stack_print/data": "None",   # a run's record of a stack: None else
    "labels.label_array": "given back (only a Dataset is taken apart)",
    "tables.xy_lower": "given back (only a DataFrame's X/Y are renamed; table_file reads a path first)",
    "cog_files.resampled_attrs": "to_cog's own step on the map it read (as_embedding refused a path first)",
    "map_files.map_values": "map_to_cog's own step on the map it holds (`_plane` read it first)",
    "map_files.palette_type": "map_to_cog's own step on the array it read", "map_files.colour_table": "map_to_cog's own step",
    "map_files.cluster_names": "map_to_cog's own step on the array it read",
    "embedding_files.one_variable": "aef evaluate's own step on the file it opened (--embeddings-var, --labels-var)",
    "model_inputs.leave_unread": "embed's own step on the stack validate_stack read (a path refused there first)",
    "map_files.map_kind": "map_to_cog's own step on the map it read",
    "map_checks.warn_collapsed": "similarity's, change's and classify's own step on the map as_embedding read",
    "map_checks.two_makings": "change's own step on the two maps as_embedding read",
    "map_checks.spanned": "change's own step on the map it made",
    "train_cmd.windows_stack": "aef train's end check's own step on the stack it trained on (open_data read it)",
    "geometry_columns.geometry_points": "given back (only a DataFrame is read; table_file reads a path first)",
    "stacks.embedding_field": "False", "stacks.names_every_band": "False", "embeddings.official_years": "None",
    "times.time_values": "from_official's and per_year's own step on the `time` of what they read",
    "queries.several_query": "None", "queries.place_row": "None",
    "spellings.read_flag_words": "given back (validate_stack's check_source refuses it next)",
    "labels.stored_dtype": "None, for labels in any form (gated_training_set asks it of a GeoJSON path too)",
    "bands.band_hint": "a message's hint: the generic rename for an object without sizes",
    "bands.described_positions": "None", "bands.stacked_embeddings": "None", "bands.keep_bands_hint": "a message's hint: '' for an object without descriptions",
    "embeddings.embedding_variable": "None", "spatial.is_lazy": "False", "spatial.runs_model": "False",
    # a reader's own steps on what it just read (`read_official_tiff`, `read_cog`, `from_official` refuse a path first)
    "provenance.dated_by_path": "a reader's step", "codes.codes_unpacked": "a reader's step",
    # the synthetic sample scene's steps: each takes what the one before made (`scene.make_scene`, `load_scene`)
    "landscape.class_profiles": "scene", "landscape.autumn_sowing": "scene", "landscape.green_dry": "scene",
    "sensors.reflectance": "scene", "sensors.cloudy": "scene", "scene.quantise": "scene", "scene.dequantise": "scene", "scene.checksums": "scene",
    "scene.labels_from_stack": "scene", "corpus.plan_events": "scene", "corpus.event_weight": "scene",
    "corpus.apply_events": "scene", "corpus.write_scene_group": "scene", "corpus.stable_mask": "scene",
    # names, not data; the sampler's own indices
    "schema.dim_renames": "dim names", "tiles.TileSampler.window": "rows/cols from its `rows_cols`",
    # one parameter that is no door: the caller's own, built from data it refused a path for already; a message's name
    "features.nan_moments": "the caller's own values (composite_features, quality's baseline)",
    "features.nan_percentile": "the caller's own values (composite_features, quality's baseline)",
    "years.year_steps": "over_time's own pairing of its cube (years_of_cube refused a path first) with an input of its `time`",
    "places.wall_times": "given back (only a DataArray or Dataset with a zoned `time` index is changed)",
    "mirrors.tiles_footprint/rows": "rows of `tiles` the caller read (official.open's, warped_zones')",
    "mirrors.warped_zones/t": "official.open's own rows of `tiles`, read for its grid",
    "codes.int8_form": "as_embedding's own step, on a map it refused a path for",
    "years.refuse_repeated_years": "yearly_change's own step, on the cube it refused a path for (cube_form)",
    "times.text_objects": "the readers' own step, on an array they hold (the times or labels read)",
    "rows.fill_rows/same": "the caller's own", "rows.table_codes/fill": "the caller's own",
    # the gate's own steps, on values its doors (`gate_vectors`, `gated`, `byte_codes`, ...) refused a path for
    "rows.linear_codes": "the gate's own step", "rows.linear_unit": "the gate's own step",
    "rows.read_bytes": "the gate's own step", "rows.byte_reading": "the gate's own step",
    "rows.narrow_bytes": "the gate's own step", "rows.fill_mask": "the gate's own step",
    "rows.float_bytes": "the gate's own step", "rows.count_values": "the gate's own step (str, or None for any other object)",
    "grids.axis_step/c": "the caller's own", "units.check_frame_units/frames": "`frame_samples`' own sample",
    "units.check_frame_units/none_said": "`no_offset_frames`' own bools, read from the stack's metadata",
    "places.points_table/inside": "sample's own, read off the map", "places.points_table/vectors": "sample's own",
    "geo.crs_advice/own": "a name for the message", "places.off_map_hint/own": "a name for the message",
    "supervised.predict_pixels/fn": "a function of rows",
    "same_grid.one_lattice_hint/a": "check_same_grid's own (its doors refused a path)",
    "geometry_columns.geometry_points/df": "table_file's own step, on a table it read (a path is table_file's)",
    "labels.with_mappings/ds": "label_array's and aef evaluate's own step, on a Dataset they read",
    "label_grids.cells_inside": "the readers' own step after on_map_grid (points_at, gated_training_set refused a path)",
    # aef evaluate's own steps, on the table, map and rows it read (labels_from_csv, open_input refused a path first)
    "evaluate_points.table_places/rows": "aef evaluate's own rows of the table labels_from_csv read",
    "evaluate_points.table_places/where": "a name for the message",
    "evaluate_points.pixel_metres/emb": "aef evaluate's own map, opened by open_input",
    "evaluate_points.refuse_other_place/emb": "aef evaluate's own map, opened by open_input",
    "evaluate_points.likely_crs/obj": "a map the commands opened (open_maps, open_input), for the no-CRS words",
    "evaluate_points.pixel_numbers/obj": "a map the commands opened (open_maps, open_input), for the no-CRS words",
    "evaluate_points.crs_said/obj": "a map the commands opened (open_maps, open_input), for the no-CRS words",
    "empty_maps.no_data_why/da": "a map already through the gate (gate.gated), for the no-data words",
    "years.year_or_none/e": "a map its caller opened, its year read for a message or a check",
    "mirrors.years_covering/area": "an area (bbox/geometry) already read by the caller's door, for a message",
    "tables.label_column_guess/columns": "a table's column names (or the table) already read, for a message",
    "evaluate_points.thin_points/x": "aef evaluate's own rows", "evaluate_points.thin_points/y": "aef evaluate's own rows",
    "evaluate_years.refuse_other_year/m": "aef evaluate's and the map commands' own map, opened by open_input",
    "evaluate_years.year_rows/t": "aef evaluate's own table, read by open_csv/open_input or vector_labels",
    "year_columns.year_column/a": "the readers' own step on labels they read (anything but a DataFrame: None)",
    "year_columns.table_years/a": "the readers' own step on a table in which year_column found the column",
    "labels.nameless_ids/t": "vector_labels' own step, on the table read_geometries read (and leave_nameless')",
    "labels.leave_nameless/t": "label_table's and label_points' own step, on the table they read (a path refused)",
    "vector_labels.placed_rows/t": "is_vector_table's own step (anything but a DataFrame: False; a path read by table_file first)",
    "vector_labels.target_numbers/vals": "label_points' and labelled_vectors' own step on a table's label column already read",
    "nodata.kept_where/obj": "the class map as_embedding and score_reducer refuse, after their doors read it: words only",
    "zone_areas.covered_cells/emb": "aggregate(coverage='area')'s helper: the map aggregate's door read (cube_form)",
    "zone_areas.covered_cells/gdf": "the zones aggregate read (zones_of) and put in the map's CRS",
    "zone_areas.area_vectors/emb": "aggregate(coverage='area')'s helper: the map aggregate's door read (cube_form)",
    "zone_areas.weighted_reduce/vecs": "one zone's vectors aggregate gathered from the map: arrays, never a path",
    "zone_areas.weighted_reduce/w": "their coverage fractions (covered_cells): arrays, never a path",
    "places.off_product_grid/emb": "resampled_attrs' helper: the map to_cog writes, read at its door (as_embedding)",
    "zone_areas.score_row/v": "one zone's score values aggregate gathered from the map (score_map): arrays, never a path",
    "zone_areas.score_reducer/score": "aggregate's helper: the map score_map made of what aggregate was given, never a path",
    "years.same_values/a": "change's helper: the maps (or cubes) as_embedding read at change's door, never a path",
    "years.same_values/b": "change's helper: the other map as_embedding read at change's door, never a path",
    "map_files.map_held/ds": "names the package map a Dataset already in hand holds (to_cog, the accessor): no reading",
    "stacks.dataarray_fix/da": "words for a DataArray already given where a stack is wanted (fit, .aef.embed): no reading",
    "labels.id_names/t": "classify's labels as given: a path or anything but a table names no class (None), read elsewhere",
    "years.year_or_none/e": "map_checks' and map_files' helper: a map their callers opened (as_embedding), never a path",
    "empty_maps.no_data_why/da": "rgb's and labelled_rows' words for a map through the gate, never a path",
}
# doors still without the rule (a path there gets another error, AttributeError, TypeError, ..., or none): none since
# session 35. A new door takes its `core.refuse_path` line (kind: `LOADERS`) and a DOORS row; none may join here.
OPEN: set[str] = set()


def _name(fn) -> str:
    "'module.qualname' of a function of the package ('index.Rows' for a class's `__init__`)."
    fn = inspect.unwrap(fn)
    return f"{fn.__module__.removeprefix('alphaearth_nb.')}.{fn.__qualname__}".removesuffix(".__init__")


def _public():
    "(module, name in `__all__`, function) of every public function and method the package's modules define."
    for m in sorted(n for _, n, _ in pkgutil.iter_modules(aef.__path__) if not n.startswith("_")):
        mod = importlib.import_module(f"alphaearth_nb.{m}")
        for name in getattr(mod, "__all__", ()):
            obj = getattr(mod, name, None)
            if getattr(obj, "__module__", None) != mod.__name__: continue   # re-exported: walked where defined
            if inspect.isfunction(obj): yield mod.__name__, name, obj
            elif inspect.isclass(obj):
                yield from ((mod.__name__, name, f) for k, f in vars(obj).items()
                            if inspect.isfunction(f) and (k == "__init__" or not k.startswith("_")))


def _data_params(module:str, name:str, fn) -> list[str]:
    "The parameters of `fn` annotated as data, or unannotated and documented as data (not 'a DataFrame's ...')." \
    " (`_DATA`, `_SAID`)."
    doc = SECTIONS.get(module, {}).get(name, "")
    said = dict(re.findall(r"^(\w+)(?: : [^\n]*)?\n((?:    [^\n]*\n)*)", doc, re.M))
    out = []
    for p in inspect.signature(fn).parameters.values():
        if p.name in ("self", "cls") or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD): continue
        ann = "" if p.annotation is p.empty else p.annotation if isinstance(p.annotation, str) else repr(p.annotation)
        doc = said.get(p.name, "").strip()
        if re.search(_DATA, ann) if ann else re.search(_DATA + r"(?!'s)", doc) or re.search(_SAID, doc):
            out.append(p.name)
    return out


def _door_function(key:str):
    "The function a DOORS key names: 'knn.knn_search/train', 'aef.embed/stack' (a callable module's), 'aef.change'."
    *path, last = key.split("/")[0].split(".")
    obj = aef if path[0] == "aef" else importlib.import_module(f"alphaearth_nb.{path[0]}")
    for a in path[1:] + [last]:
        obj = getattr(obj, a, None) if obj is not aef or hasattr(aef, a) else getattr(EMB.aef, a, None)
    obj = obj._function() if isinstance(obj, CallableModule) else obj
    return obj.__init__ if inspect.isclass(obj) else obj


@pytest.fixture(scope="module")
def data_doors() -> dict:
    "'module.qualname' -> its data parameters, for every public function with one."
    return {_name(fn): ps for m, name, fn in _public() if (ps := _data_params(m, name, fn))}


def _tested(data_doors:dict) -> set[str]:
    "'module.qualname/parameter' of each DOORS row: its key's suffix where that names a parameter, else the first " \
    "data parameter."
    out = set()
    for key in DOORS:
        fn, suffix = _door_function(key), key.partition("/")[2]
        first = (data_doors.get(_name(fn)) or [""])[0]   # 'spatial.write_crs/no crs': a second call of `obj`
        out.add(f"{_name(fn)}/{suffix if suffix in inspect.signature(fn).parameters else first}")
    return out


def _listed(name:str, param:str) -> bool:
    "Whether a list (READERS, NOT_DOORS, OPEN) names the parameter, or its function whole."
    return any(k in names for k in (name, f"{name}/{param}") for names in (READERS, NOT_DOORS, OPEN))


def test_every_door_of_data_refuses_a_path_or_says_why_not(data_doors):
    tested = _tested(data_doors)
    unknown = [f"{n}/{p}" for n, ps in data_doors.items() for p in ps if f"{n}/{p}" not in tested and not _listed(n, p)]
    assert not unknown, (f"{unknown}: parameters of data ('function/parameter') that DOORS does not test: start each "
                         "function with `core.refuse_path(x, what, kind)` for each and add a DOORS row per parameter "
                         "('function/parameter'), or, where it reads a path itself, list it in READERS (NOT_DOORS: "
                         "no door for a user's file), with why")


def test_the_finder_sees_each_parameter_and_what_its_comment_says():
    assert re.search(_SAID, "embedding (y, x, band) or cube (time, y, x, band)")
    assert re.search(_SAID, "features, (N, D)") and re.search(_SAID, "(y, x) class map or boolean mask")
    assert not any(re.search(_SAID, d) for d in ("a table's column names", "the scene's config", "a function of rows"))
    found = {f"{_name(fn)}/{p}" for m, n, fn in _public() for p in _data_params(m, n, fn)}
    assert {"evaluate.change_threshold_sweep/e1", "evaluate.change_threshold_sweep/e2", "exports.to_cog/emb",
            "linear.linear_probe_fit/x", "samples.Batches/stack", "samples.Batches/strata"} <= found   # each one
    assert not {"knn.knn_predict/k", "bands.by_band/features", "tables.near_column/columns"} & found


def test_the_lists_name_doors_of_data_and_only_once(data_doors):
    for key in DOORS: assert callable(_door_function(key)), f"DOORS[{key!r}] names no function"
    tested, wrong = _tested(data_doors), []
    for what, names in {"READERS": set(READERS), "NOT_DOORS": set(NOT_DOORS), "OPEN": OPEN}.items():
        params = {k: [k.partition("/")[2]] if "/" in k else data_doors.get(k, []) for k in names}
        doors = {k: set(data_doors.get(k.split("/")[0], [])) for k in names}
        if gone := sorted(k for k, ps in params.items() if not ps or not set(ps) <= doors[k]):
            wrong.append(f"{what} lists {gone}: no public door of data (or parameter of one) now")
        if done := sorted(k for k, ps in params.items() if any(f"{k.split('/')[0]}/{p}" in tested for p in ps)):
            wrong.append(f"{done} are in DOORS now: drop them from {what}")
    assert not wrong, "; ".join(wrong)
    assert not (set(READERS) & set(NOT_DOORS) | (set(READERS) | set(NOT_DOORS)) & OPEN)
