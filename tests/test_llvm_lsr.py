"""runtime.LLVM_OPTIONS: LLVM's loop strength reduction off (`-disable-lsr`, added to `XLA_FLAGS` at import beside the unroll
cap): about 13% of the LLVM half of the training step's compile. The pass rewrites a loop's integer address arithmetic
only, so the kernels' machine code changes and their numbers do not."""


def test_lsr_off_same_numbers(xla_dump_probe):
    now, again, lsr = xla_dump_probe([None, None,
                                      "--xla_backend_extra_options=-unroll-full-max-count=4"],  # the user's backend
                                     drop=("XLA_FLAGS", "AEF_UNROLL_CAP", "JAX_PLATFORMS"))      # options: none added
    assert now["flags"] == ("--xla_dump_to=DUMP --xla_backend_extra_options=-unroll-full-max-count=4,-disable-lsr,"
                            "-unroll-allow-partial=false")
    assert again["code"] == now["code"] and now["objects"] == lsr["objects"] > 0  # the same machine code each process
    assert now["code"] != lsr["code"]   # so the option took effect: other machine code
    assert now["y"] == lsr["y"]         # and the same result, to the bit
