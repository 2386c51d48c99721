"""The synthetic scene's sensors (spectra, clouds, Sentinel-2, Landsat, Sentinel-1 and the targets) live in `sensors`
(06c, below scene), so scene keeps clear of the layout's module size (it was 583 of 600 lines, review46); scene
re-exports every name, the same objects, and its callers (corpus, testing, the tutorials) read them from scene as
before."""
NAMES = ["SPECTRA", "SHADE", "S2_BANDS", "LANDSAT_BANDS", "S1_BANDS", "Surface", "make_surface", "reflectance",
         "cloud_cover", "cloud_mask", "cloudy", "simulate_sentinel2", "simulate_landsat", "coords", "simulate_sentinel1",
         "simulate_dem", "simulate_era5", "canopy_height", "simulate_gedi", "landcover_dataset"]


def test_scene_reexports_the_sensors(reexported):
    sensors, scene = reexported("sensors", "scene", NAMES)
    assert sensors.__all__ == NAMES
    assert all(getattr(sensors, n).__module__ == "alphaearth_nb.sensors" for n in NAMES if callable(getattr(sensors, n)))
    from alphaearth_nb.scene import simulate_sentinel2   # the old import path
    assert simulate_sentinel2 is sensors.simulate_sentinel2


def test_the_two_modules_keep_under_the_cap_unjoined(split_module_check):
    split_module_check("scene", 300)
    split_module_check("sensors", 400)
