"""depthwise3's backward pass on the CPU takes the incoming gradient computed once (`nn.computed_once` of its pad,
session 44): XLA:CPU writes it out in one kernel, which the padded copy and the centre tap read. Before, besides the
padded gradient's kernel, the centre tap's kernel and the input gradient's stencil (both read the centre as the
unpadded gradient: XLA folds that slice of the pad) each recomputed the gradient from the normalisation's backward
pass after depthwise3 (small's step: per-thunk shortest runs 213.7 -> 190.5 ms a step, 4 ABBA phases). The nine
separate sums of small frames (`nn._shifted_sums`) still read the gradient unpadded: reading it from the computed
one there changed nothing (64 x 4 x 4 x 32, 64 x 2 x 2 x 64: 0.99x)."""


def test_the_gradient_is_computed_in_one_kernel(depthwise_entry):
    for shape in ((8, 16, 16, 32), (8, 16, 16, 16)):  # the pairs (`nn._tap_sums`) at 32 and 16 channels
        readers = depthwise_entry.fusions_reading(depthwise_entry(shape), 2)
        # the second Norm's scale gradient (the cotangent times its normalised input) and the gradient's own kernel
        assert len(readers) == 2, (shape, readers)  # before: 4 at 16 x 16 (the pad, the centre tap, the stencil)

