"""The conftest fixture `depthwise_entry`: the one builder of the CPU program of Norm, depthwise3, Norm forward and
backward that the depthwise3 kernel-count tests read (was `_entry` and `_kernels_reading_*` copied in
test_depthwise_gradient_once and test_depthwise_small_input_once, 20 lines each; review44 tidy)."""


def test_the_entry_and_its_readers(depthwise_entry):
    text = depthwise_entry((2, 4, 4, 8))
    assert text.startswith("\nENTRY") and "HloModule" not in text
    for i in (0, 1, 2):
        assert f"parameter({i})" in text
    readers = [depthwise_entry.fusions_reading(text, i) for i in (0, 2)]
    assert all(r and all(f"%{n} = " in text for n in r) for r in readers), readers   # kernels that read each
