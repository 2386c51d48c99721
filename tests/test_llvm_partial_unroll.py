"""runtime.LLVM_OPTIONS: LLVM's partial unrolling off (`-unroll-allow-partial=false`, added to `XLA_FLAGS` at import beside
the unroll cap and `-disable-lsr`). XLA:CPU's loop kernels have constant trip counts, which LLVM's unroller copies 2-8
times on this target after the loop vectoriser has already interleaved them: more IR for every later pass to compile
(the `tiny` step's optimised IR 171,884 -> 157,645 lines, session 40). Copying a loop body changes neither the
operations nor their order, so the numbers stay the same to the bit."""


def test_partial_unrolling_off_less_code_same_numbers(xla_dump_probe):
    now, before = xla_dump_probe([None,   # the options before: the cap and -disable-lsr only
                                  "--xla_backend_extra_options=-unroll-full-max-count=4,-disable-lsr"],
                                 drop=("XLA_FLAGS", "AEF_UNROLL_CAP", "AEF_LLVM_OPTIONS", "JAX_PLATFORMS",
                                       "JAX_COMPILATION_CACHE_DIR"))  # a cache hit dumps nothing
    assert now["flags"].endswith("-unroll-full-max-count=4,-disable-lsr,-unroll-allow-partial=false")
    # main: the same code both ways (2,976 bytes, 303 lines)
    assert 0 < now["bytes"] < before["bytes"] and 0 < now["ir_lines"] < before["ir_lines"]
    assert now["y"] == before["y"]   # and the same result, to the bit
