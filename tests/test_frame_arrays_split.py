"""stacks (557 of the layout's 600 lines in session 54) has a source as numpy arrays and its fixed-shape frames in
`frame_arrays` (nbs/03d_frame_arrays, session 55): `SourceArrays`, `source_arrays`, `pick_frames`, `pack_frames`,
`in_period`. stacks re-exports each, the same object, in its `__all__` (`from alphaearth_nb.stacks import
pack_frames, source_arrays`, as embed and samples import them), and `to_frames` (which validates a stack) stays."""
import numpy as np

from alphaearth_nb.stacks import toy_stack, to_frames

NAMES = ["SourceArrays", "source_arrays", "pick_frames", "pack_frames", "in_period"]


def test_stacks_re_exports_what_moved_to_frame_arrays(reexported):
    frame_arrays, stacks = reexported("frame_arrays", "stacks", NAMES)
    assert set(frame_arrays.__all__) == set(NAMES)


def test_to_frames_packs_through_the_moved_part():
    "Hand-worked: the toy stack's 6 Sentinel-2 frames of 2021: 5 of them kept evenly, then 3 (the first, the third, the last)."
    from alphaearth_nb.stacks import source_arrays
    st = toy_stack()
    fr = to_frames(st, ["sentinel2"], n_frames=5, period=2021, subsample="even")["sentinel2"]
    sa = source_arrays(st, "sentinel2")
    assert fr.frame.tolist() == [True] * 5 and fr.x.shape == (5, 8, 8, 6)
    fr3 = to_frames(st, ["sentinel2"], n_frames=3, period=2021)["sentinel2"]
    assert len(sa.days) == 6   # 2021-01-01 .. every 30 days
    np.testing.assert_array_equal(fr3.days, sa.days[[0, 2, 5]])   # linspace(0, 5, 3) rounded: the first, 2, the last


def test_the_split_modules_keep_under_the_cap(split_module_check):
    split_module_check("frame_arrays", 150)   # 96 when split from stacks (session 55)
    split_module_check("stacks", 520)   # 557 in session 54, 485 once frame_arrays left it
