"""core's band-label readers live in `band_labels` (below core, importing nothing of the package), so core stays under
the layout's module size; core re-exports each public name, so `from alphaearth_nb.core import band_order` works."""

NAMES = ["EMBED_DIM", "PIXEL_M", "band_names", "band_order", "a_bands", "a_positions"]


def test_core_reexports_the_band_labels(reexported):
    band_labels, core = reexported("band_labels", "core", NAMES)
    from alphaearth_nb.core import band_order, a_positions   # the old spelling
    assert band_order([f"A{i}" for i in range(64)][::-1])[:2] == [63, 62]
    assert a_positions(["x", *core.band_names()]) == list(range(1, 65))


def test_help_keeps_the_parameters():
    import alphaearth_nb as aef
    assert "number of embedding dimensions" in aef.band_names.__doc__   # its Parameters section, from band_labels
