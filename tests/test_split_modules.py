"""Modules split at the 600-line cap of tools/layout_check.py keep every public name where it was: the parent
re-exports each public name of the parts split from it, the same object, in its `__all__`, so `from
alphaearth_nb.evaluate import nshot_split`, `aef.evaluate.balanced_accuracy`, `aef.labels.read_table` and `aef.files.user_path`
work as before (session 34); and `mirrors.build_local_mirror`, `official.MIRRORS` (session 35);
`commands.open_input`, `commands.model_sources` and the rest of `commands` (session 36);
`checkpoint.run_folder`, `checkpoint.latest_checkpoint` and the rest of `checkpoint`, `gate.table_codes`, `gate.fill_rows`
and the rest of `gate` (session 38); `analysis.rgb`, `analysis.cluster` and the rest of `analysis`, `embeddings.SCALE_ROWS` and the rest of `embeddings`
(session 41); `geometries.read_places_file`, `geometries.RASTER_FILES` and the rest of `geometries` (session 43: `geometry_columns`,
`geometries.geometry_points`), `nn.conv3`,
`nn.traced_for`, `nn.DW_CHUNK_BYTES` and the rest of `nn` (session 42: `convs`, `tracing`), `geo.check_same_grid` and the
rest of `geo` (session 42: `same_grid`); `core.user_stacklevel`, `core.documented` (session 45: `package`,
below core, no error or setting reader among them); `exports.check_blocksize`, `exports.cog_tags` (session 46:
`cog_files`); `samples.read_texts`, `samples.texts_fix` (session 54: `geotexts`, 04b); `evaluate_cmd.open_embeddings` (session 54:
`embedding_files`, test_evaluate_cmd_keeps_open_embeddings); `embeddings.provenance_tags`, `embeddings.OFFICIAL_COLLECTION`
(session 55: `provenance`, 22e, tests/test_provenance_split.py). core's split (session 35)
was undone in session 36: its names are its own again, runtime's above it (test_core_defines_...)."""
import importlib

import numpy as np
import pytest
from alphaearth_nb.core import GridWarning, MovedError

# parent -> (its public names before the split: its `__all__` then, the contract kept; the parts split from it)
BEFORE = {
    "evaluate": ("""FILL_CODES FILL_SAID LEVELS_EXAMPLE PAPER_FOLDS FOLDS_MAX METHODS evaluate PAPER_THRESHOLDS
        PAPER_MIN_DIST unlabelled drop_unlabelled fill_like_ids warn_fill_ids balanced_accuracy r2 mae as_levels
        shots_per_class nshot_split max_trial_folds max_trial_split as_folds evaluate_embeddings evaluate_regression
        change_scores change_threshold_sweep separated_points check_xy least_squares_fit least_squares_fit_checked
        least_squares_predict linear_probe_fit linear_probe_fit_checked linear_probe_predict VALUE_FILLS
        fill_like_names fill_like_values warn_fill_values centring_offset knn_indices knn_predict knn_search knn_vote
        wider_than_float32 composite_features lonlat points_at xy_features encode_labels refuse_mixed_labels""",
                 ("metrics", "draws")),
    "commands": ("SMALL_STEP_S COMMANDS open_input open_data open_stack model_sources labels_from_csv checkpoint_every demo",
                 ("command_inputs", "train_cmd", "embed_cmd", "evaluate_cmd")),
    "labels": ("""MISSING_FIX BOMS OFF_MAP data_variables label_array labelled_cells exact_limit stored_dtype
        check_exact_ids label_values labelled_values refuse_missing_labels warn_missing_rows refuse_mixed_labels
        near_column label_column_guess encode_labels class_flags flag_attrs comma_numbers table_numbers text_encoding
        read_table on_map_grid""", ("tables", "label_grids", "class_names")),
    "mirrors": ("""YEARS TILE_SIZE RESOLUTION INDEX_NAME INDEX_COLUMNS MIRRORS ANNUAL TRUE_WORDS AREA_WANTED Mirror mirror_of
        tile_href cache_dir index_file read_index LocalMirror build_local_mirror years_of area_of tiles fetch_tiles
        gdal_env bill_project open_tile USER_AGENT gdal_path""", ("mirror_list", "downloads", "local_mirror")),
    "gate": ("""NORM_TOL MEAN_LENGTH OVERSHOOT_LENGTH LINEAR_LENGTH sq_norms byte_codes map_byte_codes gate_vectors fill_rows
        table_codes power_scale scale_hint linear_as_codes linear_rows gated valid_bounds gate_query user_stacklevel
        band_order a_bands a_positions label_bands band_dim band_hint band_variables list_vectors by_band band_parts
        join_parts real_parts query_array pixelwise values_at window_rows map_sample unit_rows COS_ROWS cosines
        change_score""", ("rows", "value_hints")),   # and bands, pixels, directions: their own *_split tests
    "checkpoint": ("""CKPT_FORMAT RUN_MARKER RUN_FILES FOLDER_KINDS jsonable checkpoint_headers checkpoints orphan_leaves
        own_checkpoints checkpoint_folder latest_checkpoint save_checkpoint verify_checkpoint read_header load_checkpoint
        is_run what_folder not_a_run check_run_folder run_folder LOCK TAKEOVER LOCK_SETTLE run_lock""",
                   ("runs",)),   # and runlock (15a): LOCK, TAKEOVER, LOCK_SETTLE, run_lock (test_runlock_split)
    "analysis": ("""over_time query_vector similarity change sample_pixels pca_basis rgb spherical_kmeans cluster classify
        regress label_points training_set predict_pixels""", ("clusters", "per_year")),
    "embeddings": ("""NO_YEARS SCALE_ROWS OFFICIAL_COLLECTION TIFF_SCHEME INT8_SCHEME COG_ATTRS COG_INTS MODEL_ALIASES
        refuse_rotation embedding_variable years_dim official_years official_cube years_text as_embedding
        validate_embedding quantize_embedding dequantize_embedding tiff_scheme provenance_tags provenance_attrs model_name
        from_official read_official_tiff MAP_WANTED band_order a_bands a_positions label_bands pixelwise values_at
        NORM_TOL MEAN_LENGTH sq_norms byte_codes map_byte_codes gate_vectors gated band_variables query_array gate_query
        user_stacklevel valid_bounds""", ("codes", "provenance")),
    "geometries": ("""LONLAT EE_GEO RASTER_FILES GEOMETRY_COLUMNS POINTS_FROM POINT_COLUMNS lonlat_columns coordinate_names
        coordinate_hint import_geopandas geometry_points shape_column xy_words table_file read_geometries valid_polygons
        agreed_crs read_places own_crs_on points_xy""", ("vector_files", "geometry_columns", "coordinates")),
    "nn": ("""NORMS ACTIVATIONS DTYPES CPU_LOW_PRODUCTS CPU_LOW_MIN_WIDTH DW_CHUNK_BYTES YNN_DW_MIN_OUT TAP_SUMS_MAX_C
        PAIR_SUMS_MIN_SIZE is_concrete split host_normal host_const identity3 loop_body traced_for products product_dtype
        activation_dtype on_platform Dense Norm masked_softmax Attention MLP conv3 pool upsample computed_once depthwise3
        bilinear space_to_depth cell_valid Stack Conv3 build count_params""", ("tracing", "convs")),
    "geo": ("""EDGE_TOL SWAP_HINT FEET LONLAT cell_index cell_inside check_monotonic wrap_x check_pixels inside_grid
        swapped_on no_place pixel_indices feet_twin crs_guess crs_advice check_own_crs point_crs half_pixel_off
        half_pixel_hint one_lattice_hint check_same_grid X_NAMES Y_NAMES NODATA_KEYS VALID_KEYS MAX_LON_STEP require
        rename_spatial is_lazy declared_nodata declared_valid_range outside_valid packing unpacked as_crs crs_name crs_of
        is_geographic horizontal_crs same_crs write_crs grid_coords half_pixel grid_mapping geotransform
        geotransform_steps pixel_size axis_step stored_rounding coords_geotransform axis_span wrapped_like axes_to_turn
        north_up flip_rows is_remote turn_shift wrap_geometries geometries_like unwrap_lon geometries_on has_geometry
        LON_NAMES LAT_NAMES one_point with_coordinates POLE_TOL AREA_MARGIN check_degrees check_grid_degrees area_gap
        check_area_of_use shapes_in_area to_crs utm_crs""", ("same_grid",)),   # and antimeridian, points, crs_checks
    "files": ("""MARKER FORMATS ZARR_FILES USER_AGENT quiet_marker user_path remote_url is_remote named_path local_output
        writable is_ours inside_ours no_file_on_the_way output_folder check_output clear_partials is_zarr_store
        consolidate_zarr settle_zarr writing_folder writing_file write_text gdal_path input_path nothing_to_write
        unreadable_raster reading_raster partial_name pid_alive REUSE_SLACK""", ("paths", "zarr_files")),
    "exports": ("""SCHEME_SOURCE block_mean_direction cog_tags check_blocksize overview_factors to_cog read_cog class_colour
        pam_categories map_to_cog vectorize QUANTIZATION PROJECTION_EXT to_zarr open_zarr lonlat_bounds stac_item""",
                ("cog_files", "map_files")),   # and stores (only its Zarr and STAC names re-exported)
    "samples": ("""SAMPLERS SamplerConfig sampler_config run_sampler sampler_changes model_sampler fits_model data_fits_model
        refuse_texts_apart Prepared texts_fix read_texts prepare sample_site sample_periods sample_summary example_at
        stack_examples sample_example sample_batch Resumable BatchIterator Batches""", ("geotexts",)),
}

# core's public names before session 35's split, less runtime's (above core since session 36)
CORE = """SEED_MAX MAP_WANTED PARAMETERS AEFError TimeError MissingTimeError UnsortedTimeError PeriodError
    SourceError UnknownSourceError MissingSourceError UnknownBandError GridError DimensionError EmptyStackError
    NoValidDataError DTypeError ConfigError LabelError CheckpointError TrainingError MissingDependencyError
    ExtrapolationWarning DuplicateTimeError StackTypeError UntrainedSourceError PointError MissingDataError
    EarthEngineError UnitsError UnitsWarning NoDataWarning MetadataWarning DamagedCheckpointError MixedModelsError
    flag whole as_seed seed_key as_rng real yes_no_params checks_flags decimal with_article user_stacklevel
    refuse_path CallableModule callable_module documented Frames Target Texts TrainExample OutputExistsError
    NotOursError RunLockedError NotWritableError RemoteOutputError DiskError CRSError MirrorError NoTilesError
    TrainingWarning is_path LOADERS loader_of EMBED_DIM band_names band_order a_bands a_positions"""
RUNTIME = """FAST_COMPILE FAST_STEP UNROLL_CAP LLVM_OPTIONS HEAP_KEEP_BYTES KEPT_HEAP JEMALLOC_THREAD compile_cache
    compiler_options cpu_threads unroll_cap llvm_options jemalloc_threads keep_heap gc_frozen frozen_traces cpu_devices
    split_cpu cpu_devices_note"""


def _mod(name): return importlib.import_module(f"alphaearth_nb.{name}")


@pytest.mark.parametrize("parent", sorted(BEFORE))
def test_every_name_of_the_parent_before_its_split_is_still_there(parent):
    names, _ = BEFORE[parent]
    mod = _mod(parent)
    assert sorted(set(names.split()) - set(mod.__all__)) == []
    assert all(getattr(mod, n, None) is not None for n in names.split())


@pytest.mark.parametrize("parent", sorted(BEFORE))
def test_the_parent_re_exports_each_public_name_of_its_parts_as_the_same_object(parent):
    mod = _mod(parent)
    for part in BEFORE[parent][1]:
        p = _mod(part)
        assert p.__all__, part
        assert [n for n in p.__all__ if n not in mod.__all__] == [], part
        assert [n for n in p.__all__ if getattr(mod, n) is not getattr(p, n)] == [], part
        defined = [n for n in p.__all__ if getattr(getattr(p, n), "__module__", p.__name__) == p.__name__]
        assert defined, f"{part} defines nothing of its own"


def test_the_evaluate_parts_work_through_evaluate():
    "Hand-worked: balanced accuracy of a, a, b predicted a, b, b is (1/2 + 1) / 2; a 1-shot draw of 2 classes trains 2."
    ev = _mod("evaluate")
    assert ev.balanced_accuracy(list("aab"), list("abb")) == 0.75
    train, test = ev.nshot_split(np.array([0, 0, 1, 1, 1]), 1, seed=0)
    assert len(train) == 2 and sorted(train.tolist() + test.tolist()) == [0, 1, 2, 3, 4]
    assert ev.fold_counts({1: 3}, (1,)) == {1: 3} and ev.refuse_unlabelled is _mod("metrics").refuse_unlabelled


def test_the_geotexts_part_works_through_samples():
    "Session 54: the texts table's reading (`geotexts`, below samples) is samples' still. Hand-worked: a text at the " \
    "centre of the toy stack's pixel (1, 1) (10 m pixels from y 4999995, x 500005) lands there, one 100 km off is " \
    "left out; `samples.prepare` places the same texts."
    import pandas as pd
    from alphaearth_nb.stacks import toy_stack
    sm, gt = _mod("samples"), _mod("geotexts")
    assert sm.read_texts is gt.read_texts and sm.place_texts is gt.place_texts and "_prepare_texts" not in vars(sm)
    t = pd.DataFrame({"y": [4999985.0, 4899985.0], "x": [500015.0, 500015.0], "time": ["2021-05-01", ""], "text": ["a", "b"]})
    tx = sm.place_texts(t, toy_stack()["sentinel2"].to_dataset(), 8)
    assert (tx["row"].tolist(), tx["col"].tolist(), tx["emb"].shape) == ([1], [1], (1, 8))
    pr = sm.prepare(toy_stack(), sm.SamplerConfig(patch=4, frames=3), texts=t)
    assert (pr.texts["row"].tolist(), pr.texts["col"].tolist()) == ([1], [1])


def test_evaluate_cmd_keeps_open_embeddings():
    "Session 54: the --embeddings opener (`embedding_files`, 29d) is evaluate_cmd's and commands' name still; its " \
    "steps (`one_variable`, `file_kind`) are its own. Hand-worked: a store of one variable gives that variable."
    import xarray as xr
    ec, ef, cm = _mod("evaluate_cmd"), _mod("embedding_files"), _mod("commands")
    assert ec.open_embeddings is ef.open_embeddings is cm.open_embeddings and "open_embeddings" in ec.__all__
    assert ef.one_variable(xr.Dataset({"e": ("x", [1.0])}), "--embeddings", "e.zarr").name == "e"


def test_the_nn_parts_work_through_nn():
    "Session 42: conv3 (convs) and the trace settings (tracing) are nn's names still. Hand-worked: a kernel of ones "
    "over an image of ones sums each pixel's in-image neighbours (corner 4, edge 6, inside 9); `nn.Conv3` applies "
    "`convs.conv3`; `nn.products` and `nn.traced_for` set what `convs` reads (bfloat16 products on the GPU only)."
    import jax.numpy as jnp
    nn, convs, tracing = _mod("nn"), _mod("convs"), _mod("tracing")
    assert nn.conv3 is convs.conv3 and nn.loop_body is tracing.loop_body and nn.DTYPES is tracing.DTYPES
    c = nn.Conv3(1, 1, key=__import__("jax").random.key(0))
    c = __import__("equinox").tree_at(lambda m: m.w, c, jnp.ones((3, 3, 1, 1)))
    got = np.asarray(c(jnp.ones((3, 4, 1))))[..., 0]
    assert got.tolist() == [[4, 6, 6, 4], [6, 9, 9, 6], [4, 6, 6, 4]]
    with nn.products("bfloat16"):
        with nn.traced_for("gpu"): assert convs.product_dtype(jnp.float32, "conv3") == jnp.bfloat16
        with nn.traced_for("cpu"): assert convs.product_dtype(jnp.float32, "conv3") is None


def test_the_labels_parts_work_through_labels():
    "Hand-worked: '1,5' is a decimal comma the message names; a 20 m cell under four 10 m pixel centres labels all four."
    import pandas as pd
    import xarray as xr
    from alphaearth_nb.core import LabelError
    lb = _mod("labels")
    with pytest.raises(LabelError, match="decimal=','"): lb.table_numbers(pd.DataFrame({"v": ["1,5", "2,5"]}), "v")
    m = xr.DataArray(np.zeros((2, 2)), dims=("y", "x"), coords={"y": [15.0, 5.0], "x": [5.0, 15.0]},
                     attrs={"crs": "EPSG:32631"})   # 10 m pixels
    lab = xr.DataArray(np.array([[7, 8], [9, 6]]), dims=("y", "x"), coords={"y": [30.0, 10.0], "x": [10.0, 30.0]},
                       attrs={"crs": "EPSG:32631"})   # 20 m cells: the one at (10, 10) holds all four centres
    with pytest.warns(GridWarning, match="cell holding its centre"): on = lb.on_map_grid(m, lab)
    assert on.values.tolist() == [[9, 9], [9, 9]] and lb.near_column("LABEL", ["label"])[0] == "label"


def test_the_files_parts_work_through_files(tmp_path, monkeypatch):
    "Hand-worked: a Path of a URL is the URL; a folder holding .zgroup is a zarr store; a write that fails inside a "
    "zarr store still settles zarr's writes through `files.settle_zarr` (what tests patch) before removing the copy."
    fl = _mod("files")
    assert fl.remote_url(__import__("pathlib").Path("gs://b/a.zarr")) == "gs://b/a.zarr" and fl.is_remote("/vsis3/b/t.tif")
    (tmp_path / "s").mkdir(); (tmp_path / "s" / ".zgroup").write_text("{}")
    assert fl.is_zarr_store(tmp_path / "s") and not fl.is_zarr_store(tmp_path)
    settled = []
    monkeypatch.setattr(fl, "settle_zarr", lambda **kw: settled.append(kw) or 0)
    with pytest.raises(OSError, match="disk full"):
        with fl.writing_folder(tmp_path / "out.zarr") as w:
            (w / "zarr.json").write_text("{}"); raise OSError("disk full")
    assert settled == [{"cancel": False}] and not (tmp_path / "out.zarr").exists()


def test_core_defines_the_family_and_the_settings_and_runtime_sits_above_it():
    "Session 36 (DESIGN.md: core holds every error class): the error family and the setting readers are defined in " \
    "core again, each its own (no module `errors` or `settings` below it), and `from alphaearth_nb.core import " \
    "ConfigError, flag` works as before; the process settings are runtime's, above core: core neither imports nor " \
    "exports any of them. Was (session 35): errors, settings and runtime below core, which re-exported all three."
    from pathlib import Path
    core, runtime = _mod("core"), _mod("runtime")
    assert sorted(set(CORE.split()) - set(core.__all__)) == [] and all(hasattr(core, n) for n in CORE.split())
    own = [n for n in CORE.split() if isinstance(getattr(core, n), type) or callable(getattr(core, n))]
    elsewhere = {n: getattr(core, n).__module__ for n in own if getattr(core, n).__module__ != core.__name__}
    assert set(elsewhere.values()) <= {"alphaearth_nb.loaders", "alphaearth_nb.band_labels", "alphaearth_nb.package"}, elsewhere
    # session 45: the package's own machinery (no error, no setting reader) moved below core to `package`, re-exported
    assert sorted(n for n, m in elsewhere.items() if m == "alphaearth_nb.package") == \
        ["CallableModule", "callable_module", "documented", "user_stacklevel"]
    assert "ConfigError" in own and "flag" in own and "ConfigError" not in elsewhere and "flag" not in elsewhere
    assert [n for n in RUNTIME.split() if n in core.__all__ or n in vars(core)] == []
    for n in RUNTIME.split():   # session 39: core.<name> of one of them raises MovedError naming runtime
        with pytest.raises(MovedError, match=f"use aef.runtime.{n} "): getattr(core, n)
    assert sorted(set(RUNTIME.split()) - set(runtime.__all__)) == [] and not hasattr(core, "runtime")
    assert [m for m in ("errors", "settings") if Path(core.__file__).with_name(f"{m}.py").exists()] == []
    assert runtime.ConfigError is core.ConfigError and runtime.checks_flags is core.checks_flags


def test_fetch_tiles_copies_through_the_name_mirrors_holds(monkeypatch, tmp_path):
    "fetch_tiles copies each tile by `mirrors.fetch_file` (downloads' function, re-exported): a stand-in patched there " \
    "is what it calls. Hand-worked: one row of 2024 in zone 31N lands at 2024/31N/t.tiff under the root."
    import geopandas as gpd
    from shapely.geometry import box
    mi = _mod("mirrors")
    assert mi.fetch_file is _mod("downloads").fetch_file
    src = tmp_path / "m"; (src / "2024" / "31N").mkdir(parents=True); (src / "2024" / "31N" / "t.tiff").write_bytes(b"x")
    row = dict(path="2024/31N/t.tiff", year=2024, utm_zone="31N", crs="EPSG:32631", wgs84_west=5.0, wgs84_south=44.0,
               wgs84_east=6.0, wgs84_north=45.0, utm_west=0.0, utm_south=0.0, utm_east=1.0, utm_north=1.0)
    gpd.GeoDataFrame([row], geometry=[box(5.0, 44.0, 6.0, 45.0)], crs="EPSG:4326").to_parquet(src / mi.INDEX_NAME)
    copied = []
    def stand_in(href, dest, *a):
        copied.append((href, dest)); dest.parent.mkdir(parents=True, exist_ok=True); dest.write_bytes(b"x")
    monkeypatch.setattr(mi, "fetch_file", stand_in)
    mi.fetch_tiles((5.5, 44.5, 5.6, 44.6), 2024, tmp_path / "copy", source=src)
    assert copied == [(str(src.resolve() / "2024" / "31N" / "t.tiff"), tmp_path / "copy" / "2024" / "31N" / "t.tiff")]


# the public names of commands before its split (main at 9580b3c): defined there or re-exported on purpose (`demo`),
# none of its imports or private helpers (session 37: was every module-level name, `difflib`, `train`, `read_table`,
# `_label_file`..., served by a `__getattr__` over the parts, so a part dropping an import broke this list). A private
# name of a part, or a module it reads, is read where it lives: `evaluate_cmd._label_file`, `train.fit`
COMMANDS_BEFORE = """COMMANDS open_input open_data open_stack model_sources labels_from_csv SMALL_STEP_S checkpoint_every
    demo"""


def test_commands_gives_every_public_name_it_had_before_its_split():
    "Hand-worked: the body of `aef train` is `train_cmd.aef_train` (was `commands._train_cmd`); `cli.<name>` reads " \
    "commands' public names only, so `cli.labels_from_csv` is evaluate_cmd's own object and `cli._label_file`, " \
    "`cli.read_table` (labels'), `cli.train` (the module) are not there: they are read where they live."
    cm, cli = _mod("commands"), _mod("cli")
    assert [n for n in COMMANDS_BEFORE.split() if not hasattr(cm, n) or n not in cm.__all__] == []
    assert cm.aef_train is cm.COMMANDS["train"] is _mod("train_cmd").aef_train and cm.open_csv is _mod("command_inputs").open_csv
    # the privates the split renamed public are gone under their old names (no caller used them): the new only
    assert [n for n in ("_read_csv", "_COMPILES", "_train_cmd", "_embed_cmd", "_evaluate_cmd") if hasattr(cm, n)] == []
    assert cli.labels_from_csv is _mod("evaluate_cmd").labels_from_csv and cli.demo is _mod("demo").demo
    served = [f"{m.__name__}.{n}" for m in (cm, cli) for n in ("_label_file", "_open_embeddings", "read_table", "train",
                                                               "np", "difflib") if hasattr(m, n)]
    assert served == [], served
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"): cm.no_such_name
    with pytest.raises(AttributeError, match="no attribute '_label_file'"): cli._label_file
