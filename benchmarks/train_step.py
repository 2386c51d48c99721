"""One training step of the `tiny` preset at batch 2 on this machine, against a dense float32 matmul's FLOP/s.

    .venv/bin/python benchmarks/train_step.py [--batch 2] [--reps 10] [--preset tiny] [--torch] [--rounds 3]
                                              [--devices N]

Prints: the time to embed a batch (forward pass, mean directions), the time of a full training step (median of
`--reps` after warm-up), the step's FLOPs (XLA's cost analysis, and a jaxpr count that multiplies scanned
blocks by their trip count, which XLA's analysis counts once: see flops.py), the achieved FLOP/s, and that as a share of the
FLOP/s of a dense float32 matmul measured in the same process. "compile" is the first call's time (trace + XLA
compile + one run; the persistent compile cache is not used here, so it is a cold compile). With `--torch` (PyTorch
importable: the `bench` extra), the straightforward PyTorch re-implementation in benchmarks/torch_ref.py (same widths
and shapes) is timed in the same run, in `--rounds` interleaved rounds (JAX, torch at its default threads, torch at
one thread: the better torch figure is the reference, since OpenMP suffers most on a shared machine), and the
median of the per-round ratios printed with the load average of each round; with `--bf16` too, our bf16 step is
timed the same way against torch's forward pass under `torch.autocast` to bfloat16 (never our bf16 against torch's
f32 alone), and the bf16 -> f32 matmul rate printed beside the f32 one. With `--profile N`, N steps (of each policy
timed) run under `jax.profiler` and the time of XLA:CPU's thunks is printed per
source line of the package (forward or backward, from the compiled HLO's stack frames), the place to start when the
step is slow, with how long 0, 1 or 2 pool threads were inside a thunk at once (the parallelism between thunks) and
the thunks by duration (the dispatch-bound small ones against the large); `--thunks K` adds the K costliest single
thunks with their output shape. Each `--torch` round also prints our step's system milliseconds and minor page faults
a call (glibc's fresh mmaps of XLA:CPU's buffers, which `AEF_KEEP_HEAP=1` removes: the header says whether it is
on). With the heap kept, our step is first called until a call takes under 100 page faults (`settle`, at most 12
calls; the count is printed): small's 7,581-fault episodes (session 21) come after the first call and after torch
ran, but also mid-round, so the round's fault count stays the check. Figures only: nothing here is asserted.

With `--devices N`, JAX's CPU is split into N host devices before it starts (`jax_num_cpu_devices`, as
`AEF_CPU_DEVICES` does at import: core.split_cpu) and the step runs data parallel over the most of them that split
`--batch` (state replicated, batch sharded); the header says how many. The embedding and the matmul run on one.

Measured (session 21, step helper; the same VM without AMX, 2 cores shared with ~7 sessions at load 4-9.6 all
session, so wall figures swing 2x within a run and only in-process CPU ratios are read; main 7c9e5c7). Nothing in
the package changed; the issue's goals are not met:
- `--torch --rounds 3` (load 2.3 -> 9.6): tiny step median 228.8 ms (min 135.4), 25% of the matmul (itself slowed
  to 42.0 GFLOP/s: the share is inflated), rounds JAX 283.5 / 143.1 / 268.1 ms wall at 89 / 117 / 102 CPU ms, torch's
  one thread 255.1 / 215.9 / 105.6, JAX/torch 0.90x. `--preset small --reps 5` (load 6.1-7.0): 734.9 ms, 23% (78.6
  GFLOP/s), rounds 392.7 / 401.2 / 959.9 ms wall at 385 / 340 / 391 CPU ms, system 13-17 ms and 7,581 page faults a
  call (heap kept: session 20 saw 0-35), torch's one thread 1,040 / 840 / 374 ms, 2.09x (rounds 2.65, 2.09, 0.39).
- small's step with the heap kept has episodes of exactly 7,581 minor page faults (13-26 system ms) a call: the
  first ~8 calls after the compile (3 warm, then 5 at 7,581, then 0), again after `import torch` or a second
  `mallopt` (core._mallopt_keep) and after torch's steps (9,545-10,042 a call), then 0 (one process, load 5.0-5.5;
  tiny: 0-1). `settle` now calls the step until a call takes < 100 faults before each timing (printed); it caught
  the episodes at the start of rounds but one came back mid-round. After it (this VM, the same package): tiny
  (load 4.3-5.8) 179.6 ms median (min 111.1), 27% of matmul (48.4), rounds 147.6 / 139.4 / 69.2 ms wall at 105 /
  109 / 104 CPU ms, no faults, torch's best 237.9 / 120.1 / 121.5 ms, 1.61x (rounds 1.61, 0.86, 1.75); small (load
  3.7-6.9) 949.0 ms, 16% (89.2), rounds 1,320.8 / 759.7 / 462.7 ms wall at 310 / 343 / 373 CPU ms (faults 0, 1,
  7,581), torch 874.9 / 687.9 / 890.9, 0.91x (0.66, 0.91, 1.93). At these loads the ratios are the scheduler's.
- Where it goes, by the thunk's kind and output minor dimension (`--profile` under load inflates every thunk 2-2.3x;
  shares read): tiny (208 ms of thunks a step, load 5-6.6) minor 16 in all 66 ms (32%: loop fusions 25.6, the
  depthwise tap-sum reductions 14.7, YNNPACK 13.7, transposes 5.2, convolutions 4.8, pads 1.8), YNNPACK at 32 37.1,
  Eigen dots at 64 10.7. small (973 ms, load 6-7.8): loop fusions at minor 32 191.6 (20%), 64 80.8, 128 47.9;
  YNNPACK at 32 / 64 / 128 167.7 / 118.1 / 53.9; transposes 75 (8%: conv3's chunked weight gradients, 64 copies,
  and the summary Upsample conv's [32,32,32,20] N-to-minor copy, 13.8 ms in one thunk); Eigen dots 69 (7%, most
  of them the vmapped Dense weight gradients, batched over the examples). So the products run near the rate the
  matmul of their shapes allows and the rest is memory-bound element-wise code at 16-64 channels.
- The brief's angles: (1) conv3 as im2col: measured in session 16 (layers.py: forward 5.3x / 9.0x, the weight
  gradient as one product of the stacked windows 5.1x / 10x); its input gradient as `g @ W.T` plus col2im would
  replace a convolution that already runs at the rate of a matmul of the same FLOPs: not built. (2) channels-last:
  the activations are NHWC throughout; the transposes left are the weight gradients' (session 16) and the summary
  pooling's einsum (below). (3) teacher and student: already one encoder pass over the concatenated batch (session
  19); two chains would double every weight gradient, and with 2 cores at load 5-9 there is no idle core to overlap
  on (k=2 1.7 ms of tiny's 132 ms trace). (4) unroll: tiny and small have 2 blocks < stp.UNROLL_BLOCKS, straight-line
  code already. (5) XLA options (benchmarks/xla_options.py, tiny, 5 rounds x 4, load 6.2-8.4; CPU ratios to base):
  vec512 0.97, preset_fast_rt 0.92, tiling_prop 0.95, fast_math 1.00, base_again 1.00, every one the same 1,347
  fusions; in one process (`layers.py --only-step --patch`, 5-8 rounds x 5, parameters after 3 steps or gradients
  bit-identical: no option changes a number) preset_fast_rt before/new CPU 1.020 and 1.006 (load 8.3, 5.0),
  tiling_prop 0.970 (rounds 0.85-1.16, load 7.1): noise. Dropped.
- Tried and dropped: depthwise3 as a dense conv3 of the kernel times eye(c) (YNNPACK's convolution, c x the FLOPs),
  with its Norm, forward and backward alone: 1.40x CPU (kernel gradient by `_tap_sums`) and 1.36x (XLA's own) at
  [32,16,16,16], 1.58x / 1.44x at [64,16,16,16], 2.27x / 2.50x at [64,16,16,32] (load 8.4-8.7). The nine-tap stencil
  alone at minor 16 against the same elements viewed at minor 32, 64, 256: 203, 285, 182, 161 us CPU (load 4.5): the
  minor-16 scalar code (session 9) does not make it slow, so no pair-packed [.., w/2, 2c] layout was built. The
  vmapped Dense weight gradients as one product over the examples' rows instead of a batched dot: 0.94, 0.93, 1.00,
  1.13, 0.71x CPU at [2,1024,128]x128, [2,1024,128]x7, [2,4096,32]x64, [20,64,32]x64, [2,32,64]x64 (load 4.1): no
  custom_vmap built. TimePool's pooling `einsum("nyxh,nyxhd->yxhd")` (a dot batched per pixel and head, a and v
  transposed to lead with those) as `jnp.sum(a[..., None] * v, 0)`: alone, forward and backward vmapped over 2
  examples x P periods, 16-19x slower at P 1, N 8 frames (6.0-7.6 against 0.32-0.47 ms), 0.57-0.64x at P 7, N 16,
  0.89-0.96x at P 7, N 10 (load 6-9; a Python sum over the frames 8.2x, 1.56x, 1.85x); in the step (one process,
  interleaved) old/new CPU tiny 0.876, wall 0.818 (6 rounds, load 5.8-6.0), small 0.962, wall 0.843 (5 rounds x 3,
  load 5.9-6.6): slower; losses of 3 steps equal (small's third 6e-8 apart). depthwise3's kernel gradient at <= 16
  channels (`nn._tap_sums`, tiny only) as the nine-output reduction over the leading axes and the rows (then over
  the columns): alone 0.83x CPU at [32,16,16,16], 0.66x at [64,16,16,16], 1.12x at [32,4,4,16] (load 6.5-6.9; error
  4-6e-7 of the largest sum against 1.5-2.5e-7, nine separate sums 1e-7); in tiny's step (`layers.py --only-step
  --patch`, 8 rounds x 5, load 5.3-5.5) before/new CPU 1.023, wall 1.013 (rounds 0.91-1.19), gradients 2.2e-7
  apart, the third step's loss 6e-8: under the 3% bar at this load; a lead for a quieter machine, not landed.

Measured (session 20, step helper; the same VM without AMX, 2 cores shared with up to eight sessions, nice 0):
- The heap kept (core.keep_heap) is now the default here, in `aef` and in `fit`; AEF_KEEP_HEAP=0 gives glibc's
  defaults. One run each, heap off then on (`--torch --rounds 3`): tiny off (load 0.9-2.7) step CPU 145-152 ms a call,
  system 38-62 ms, 11,546-11,556 faults, JAX/torch 0.86x; on (load 2.8-8.3) CPU 83-96, system 0-1, no faults, 2.39x
  (torch slowed by the load: not a figure). Again at load 4.3-7.5: off 79-83 CPU ms, 2,304 then 0 faults (glibc's
  dynamic mmap threshold caught up this time), 1.60x; on 95-100, 1.63x. small (`--reps 5`, load 5-11): off CPU
  482-541 ms, system 104-116, 45,174 faults, 1.03x; on 325-406, 1-3, none, 1.21x. Fresh processes (/tmp scripts, 10-20
  warm steps): kept before JAX starts, or at import, no faults for either; kept after the model is built (fit in a
  notebook) tiny 2 faults, small 45,174 (its runtime threads keep their own arenas). XLA's cold compile of small's
  step with the one arena 29.4-32.0 CPU s against 23.2-23.5 (load 4-8); tiny's 22.7-25.7 against 24.2.
- `example_terms` and `total_loss` cut their stacks with `jax.lax.split` (losses notebook): the slices' and indices'
  gradients were whole stacks padded with zeros, summed (small: one 8.9 ms fusion reading ~20 [2, 7, 32, 32, 64]
  arrays, and the [B, 2, T, h, w, D] teacher/student pair twice). Losses of 3 steps equal, parameters within 2.4e-7
  (then bit-identical for the pair). Fresh processes alternating (load 1.9-3.2): small wall 440/449 -> 298/378 ms.
- Near idle after both (main 2cc0aab): tiny (load 0.9-1.5) step median 85.3 ms, 17% of matmul (162.8 GFLOP/s), CPU
  117-124 ms a call, no faults, JAX/torch 1.01x (torch's 2 threads 95-109 ms); before (the brief, load 0.6-1.2) 84.9
  ms, 15%, 1.15x: at idle the kept heap saves CPU, not tiny's wall time. small (load 1.3-1.4): 255.1 ms, 28% of
  matmul (186.7), CPU 379-394, 0-35 faults, 1.24x (torch 249-333 ms); before (ba8abfb with AEF_KEEP_HEAP=0, load
  0.1-1.1) 340.6 ms, 21%, CPU 518-591, system 117-148, 45,250-45,338 faults, 0.89x; the split alone (heap off, load
  1.3) 335.5 ms (rounds 292-312), 24%, 38,033-38,066 faults, 0.92x. The 2x goal is not met.
- Profile after the heap (`--profile 3 --thunks 25`): tiny 90.9 ms of thunks a step, k=1 87.8 ms, k=2 1.2 (one chain);
  Dense bwd 11.3, depthwise3 bwd 9.6 (its five nine-output tap-sum fusions [32,16,16,16] 6.6 ms), conv3 bwd 7.0 and
  fwd 5.2. small 425 ms (k=2 33 ms): conv3 bwd 56.6, Dense bwd 48.0, conv3 fwd 28.3, depthwise3 bwd 21.2, Norm bwd 20.6.
  Tried alone, not kept: depthwise3's kernel gradient as three batched products per channel ([c, M, w+2] x [c, M, w],
  then diagonal sums) 0.73x CPU at [32,16,16,16] but 1.07x at [64,16,16,32]; `_shifted_sums` at 16 channels 0.87x
  (load 4.7); nn._upsample_axis with a custom backward (concatenates, no pads) 0.80x at [20,16,16,32], 0.98x at
  [32,8,8,32] (its backward is ~2% of small's step).

Measured (session 19, step helper; the same AMX VM, 2 cores shared with six other helpers, load 3-12 (so wall
figures swing 2x; CPU figures and counts are the ones to read), nice 0, main 2201efa). Issue 16's fresh angles:
- (a) XLA:CPU's per-thunk dispatch is not a third of the step. tiny, `--profile 5` (load 4.1 and 7.2): 3,389-3,445
  leaf thunks a step; by duration < 5 us 2,453-2,514 thunks for 1.4-1.5 ms, 5-20 us 431-434 for 4.5-4.6 ms, 20-100
  us 311-312 for 14.1-14.6, 100-300 us 112-118 for 19.4-20.9, >= 300 us 67-69 for 71.5-141.5 ms (the large ones
  inflate with the load): 180 thunks over 100 us hold 82-86% of the thunk time. The executor's own cost, a chain of
  500 / 1,500 dependent [4,4] products + tanh under the step's options: 1.0 / 1.2 us CPU an op, 500 independent
  pairs 0.43 us (load 4.5); on a pool thread the gaps between thunks sum to 0.7 ms a step (630, median 0.36-0.40 us).
  So the count costs at most ~3.5 ms of the idle 52 ms (<= 7%): fewer, larger ops cannot reach the goals. Already
  batched: the teacher, student and perturbed passes are one encoder call (losses.total_loss, `STPEncoder.batch`);
  scanned blocks ran 13x slower (compile.py, session 8).
- (b) the parallel efficiency. The step is one chain of thunks: two pool threads are inside a thunk at once for 1.5-
  6.7 ms a step against 73-168 ms for one (load 3.4-7.2); the second core works only inside thunks (YNNPACK, and the
  loop fusions XLA splits in 2 outer partitions: 615 of 1,334 fusions). XLA:CPU's concurrency-optimised scheduler
  raises the overlap to 8.6 ms but costs CPU 1.068x, wall 1.094x (one process, 4 rounds x 5, load 3.1-3.4); its
  default scheduler CPU 1.015x, wall 1.025x (6 rounds x 8, load 7.5-8.4; losses of 3 steps equal in all three): the
  memory-optimised order stays. Per thread (/proc, 40 steps, load 6.4): the two XLA pool threads 38.7-39.2 CPU ms
  each, Python's thread 2.2-2.8, jaxlib's client threads 1-3. Per step user 67-72 ms and system 14-19 ms with
  11,519-11,553 minor page faults (load 8.2-9.9; session 12's fresh mmaps of the per-call buffers): in user time the
  step already matches torch's one thread (73 ms idle), the faults are the rest. With AEF_KEEP_HEAP=1 576 faults and
  1.6-2.4 ms system. Ways to keep that without its one arena during the compile (fresh processes, faults a step,
  tiny / small): mmap and trim thresholds alone 3,879 / 45,174 (default 11,553 / 45,258; small's system 60 against 70
  ms); the thresholds at the start and one arena after the first compile 808 / 45,358; both after the first compile
  10,751 (tiny): glibc fixes its arena limit when a thread first needs one, so small's runtime threads cannot be moved
  into the main heap later. `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` (transparent huge pages for malloc's mmaps; this
  kernel: THP and defrag on madvise): 291 faults, system 8.3 ms, but 2.9 s a step and a 427 s first call (likely
  direct compaction stalls; load 12): a hazard, not a setting. Nothing lands; AEF_KEEP_HEAP stays opt-in (session 12).
- Python per call: Equinox's `filter_jit` blocks on its error marker every call (equinox 0.13.8, `_call`:
  `marker.block_until_ready()`), so the step call is synchronous (86 ms to return, 86 to finish); its wrapper on
  (batch, state) costs 1.45 ms (an identity program; `eqx.partition` 0.56 ms, a tree flatten 0.08). A lean `jax.jit`
  over the array leaves with treedef and static leaves cached, state donated (state after 3 steps equal to the bit):
  lean/eqx wall 1.003x, CPU 1.015x (one process, 6 rounds x 10, load 5.6-6.3): nothing; not kept.
- `--torch --rounds 3` at load 7-12 (torch's one thread 326-405 ms against 73 idle: the load, not a figure): JAX/torch
  3.09x (rounds 4.83, 3.09, 2.82), our step 83-131 ms at 70-84 CPU ms with 2-16 system ms and 1,152-8,063 faults
  a call (glibc's dynamic mmap threshold reuses some blocks between calls); with AEF_KEEP_HEAP=1 right after (load
  10-12) 3.59x (3.75, 3.59, 1.39) at 71-79 CPU ms, 0-1 system ms, no faults. Neither is a measurement of the goal.

Measured (session 17, speed helper; an Intel Xeon VM with AMX (amx_bf16, avx512_bf16), 2 cores shared with four
other helpers' tests at nice 10, these runs at nice 0; jax 0.10.2, torch 2.13.0+cpu):
- `--preset tiny --torch --bf16 --rounds 3` (load 1.2 at the start, 4.4-7.5 in the rounds): f32 JAX/torch 1.15x
  (rounds 1.15, 1.74, 0.48), bf16 against torch's autocast 1.33x (1.11, 1.33, 1.78); JAX 84-192 ms wall at 77-93 CPU
  ms, torch's one thread 92-210 ms (f32) and 119-273 ms (autocast); 2.36 GFLOP a step; in-process dense f32 matmul 70
  GFLOP/s and bf16 -> f32 363 (the load: session 14 measured 217 and 552-1,113 on such a VM).
- `--preset small --torch --bf16 --rounds 3 --reps 5` (load 6.8-11.8): f32 1.07x (rounds 1.77, 1.07, 0.75), bf16
  0.98x (0.82, 1.14, 0.98); JAX 905-1,540 ms wall at 451-484 CPU ms (bf16: 470-481, the same program), torch's one
  thread 1,150-1,599 ms f32 and 905-1,380 ms under autocast (its two threads 9-20 s a step at this load); first call
  46.1 s (f32), 42.3 s (bf16). So on AMX session 14's picture holds: torch's autocast step is ~0.8x its f32 step
  (oneDNN's bfloat16 convolutions and linears on AMX), ours is the f32 program (widths < nn.CPU_LOW_MIN_WIDTH), so
  the bf16 ratio sits at or below the f32 one; neither is near the 2x goal. XLA:CPU's oneDNN options do not reach
  AMX or help the f32 step (benchmarks/xla_options.py, session 17).
- Convolutions on AMX, alone (a 3 x 3 'same' conv, 16 x 16 px, CPU ms, `core.compiler_options(step=True)`, load
  9-11): XLA:CPU runs no convolution faster with bfloat16 operands and float32 sums, forward 1.06-1.09x and both
  gradients 1.01-1.11x the float32 time at 64, 128, 256 and 512 channels, while a product of the same FLOPs ([N*H*W,
  9c] @ [9c, c]) takes 0.87x, 0.68x, 0.52x, 0.45x in bfloat16. The forward as nine shifted bfloat16 products summed
  in float32 (`[n,h,w,c] @ [c,d]` per tap, padded input sliced): 0.85x the float32 convolution at 128 channels
  ([16,16,16,128] -> 128: 8.5 against 10.1 ms), 0.56x at 256 (11.9 / 21.4), 0.37x at 512 (16.0 / 43.7), but 3.4x
  at 64 ([64,16,16,64]: 34.5 / 10.1) and 3.6x at 32 (the shifted copies); im2col in bfloat16 2.5x, 1.5x, 0.9x (4.8x,
  8.4x at 64, 32); nine taps in float32 1.45x, 1.11x, 0.98x (3.5x, 3.3x). A
  lead for `lite`'s bf16 policy on AMX CPUs only (its precision convolutions are 128 <-> 256 wide): nn.conv3's
  forward in taps when wider than ~128 (the gradients' transposed products do not reach AMX, session 14); not built:
  no one trains `lite` on a CPU, and `tiny`/`small` (<= 64 channels) cannot gain.
- Lead (a), the optimiser's per-leaf work: Adam already runs on one vector (the 'flat' layout); what is per leaf is
  the update's split and its ~165 adds. Parameters packed in one vector across steps (benchmarks/packed_step.py, one
  process, both orders): step CPU tiny 0.97-0.98x, small 0.97-0.98x, XLA compile CPU 0.92-1.03x, losses and
  parameters bit-identical; not landed (it needs a packed TrainState layout: fit, FSDP, checkpoints).

Measured (session 16, conv helper: the small step's convolution kernels; 2 cores shared with three other helpers,
nice 10; details in benchmarks/layers.py, `--convs`):
- `--preset small --profile 3 --thunks 60` (main 39eb702, load 4.0): 401 ms of thunks a step; conv3 bwd 63.3 ms (46
  thunks), fwd 35.5 (the 4 PrecisionOp convolutions, 8.6-9.2 ms each), Dense bwd 29.1, depthwise3 bwd 19.0 and fwd
  15.4, Norm bwd 15.6, transpose copies 9.0 (73); step median 380 ms, 23% of the matmul rate, first call 32.2 s.
- conv3's forward and input gradient run at the rate of a matmul of the same FLOPs (7.3 and 6.9 CPU ms against 8.4 at
  64 x 16 x 16 x 32 -> 64), the chunked weight gradient at 1.3-1.4x that, `DW_CHUNK_BYTES` the best of five chunk
  sizes; im2col and a stacked-window product for the weight gradient lose 5-10x (XLA:CPU's copies), and no
  convolution form of the weight gradient reads its operands untransposed: conv3 left as is (nn's
  `_conv3_input_grad` landed as a mend, same HLO).
- depthwise3's kernel gradient summed over the frames and rows first ("rows", 0.94-0.97x alone, same kernels) in the
  step, patched into one process (`layers.step`, 6 interleaved rounds): small rows/nn CPU 1.023, wall 0.998 (rounds
  0.86-1.17, load 8.0-9.0; 3rd step's loss 6e-8 apart, gradients 1.9e-7 of a leaf's largest value); tiny CPU 1.067,
  wall 0.949 (rounds 0.99-1.10, load 7.1-7.3; losses of 3 steps equal, gradients 2.1e-7 apart): dropped.

Measured (session 15, 2 cores shared with another helper and the coordinator, nice 10, jax 0.10.2):
- Where the f32 step goes now (`--profile`, one process): tiny 225 ms of thunks a step (load 0.4-3.5): Dense bwd 22.0
  ms (9.8%), Norm bwd 15.8, conv3 bwd 15.2, depthwise3 bwd 13.5 and fwd 10.8, _affine_fwd 10.0, transpose copies 9.3;
  small 578-677 ms (two runs, load 2-2.5): conv3 bwd 57-70, Dense bwd 42-52, conv3 fwd 34-41, depthwise3 fwd 30-39
  and bwd 26-33, Norm bwd 28-31, transpose copies 17-20, vmf_large_kappa 17-23.
- Dense's weight gradient `x.T @ g` is a plain `dot` thunk (Eigen): XLA:CPU hands YNNPACK a dot only when its left
  operand contracts its minor dimension and neither operand is column-major (xla/backends/cpu/ynn_support.cc,
  IsDotSupportedByYnn), so every transposed product of a backward pass runs outside YNNPACK. Tried: the product as a
  batched one over chunks of contiguous rows ([c, r, k] x [c, r, n] -> [c, k, n], summed; ~128 KiB of rows a chunk,
  >= 64 rows and >= 2kn / (k + n), a multiple of 4 chunks). Alone at load 3.7-5 0.41-0.69x the CPU of the one
  product ([20480,64]x64 6.8 -> 4.0 ms, [2,2048,16]x64 0.39x, [8,1024,32]x64 0.59-0.69x, [512,32]x288 0.50x); near
  idle (load 1.7) 0.59-0.96x the CPU but the same wall: the one product runs on both pool threads ([20480,64]x64 CPU
  6.1 ms, wall 3.4), the batched one on one (3.6 / 3.4). Small chunks of wide layers lose ([128,576]x64 as 4 x 32
  rows: 8.3x), and near idle [2,1024,128]x128 (1.17x CPU, 1.5x wall), [16384,32]x32 (1.14x), [1024,288]x32 (1.10x).
  In the step (`layers.py --only-step`, one process, interleaved): tiny before/new CPU 1.006, wall 1.014 (6 rounds,
  load 3.0: noise); small CPU 0.938, wall 0.911 (6 rounds, load 3.4-3.7: new slower); `--profile` of small, both in
  one process (load 2-2.5): Dense bwd thunks 41.7 -> 52.0 ms (225 -> 253 thunks), the chunked dots slower in the step
  than alone ([2,10,1024,32]x64 1.24 -> 1.70 ms, [16384,32]x32 0.52 -> 1.16). Dropped: nn keeps the one product
  (the trial is `_weight_grad_rows` in benchmarks/layers.py). Also dropped: the transpose materialised first
  (optimization_barrier, then [k, m] @ [m, n] on YNNPACK) 1.75x slower at [20480,64]x64, 0.79-0.94x CPU in row
  chunks at m = 2048-8192 (load 5.8); strided chunks (rows j, j + c, ...) 0.89-2.6x; slices summed in Python 1.1x.
- Norm's column sums (ones-vector products, `nn._colsum`) as two stages (ones[m/r] @ x as [m/r, r*d], then the r
  rows): alone 0.59x CPU at [8192,16], 0.78-0.88 at [32768,16], 0.90-1.13 at [16384,32], 0.89-1.02 at [2048,64]
  (load 2.1), and 10x more exact (2e-7 of the sum against 2-4e-6 for the one product; jnp.sum 1e-7 but 1.2-1.6x
  slower). In the step (r = the most rows up to 512 / d, `layers.py --only-step` with it as `BEFORE`, one process):
  small new/old CPU 1.043, wall 1.044 (6 rounds 0.94-1.28, load 3.7-3.9; gradients 9.7e-6 of a leaf's largest
  value apart), tiny CPU 1.076, wall 1.072 (6 rounds 1.02-1.20, load 3.4; 8.1e-6 apart): dropped.
- Model build (nn's host arrays by `jax.device_put`, landed): see the nn notebook; small 62 -> 5 XLA compiles.

Measured (session 14, 2 cores shared with another session, nice 10; this VM has AMX: the 2048^3 matmul with bfloat16
operands and float32 sums ran 552-1,113 GFLOP/s against 164-258 in float32, printed as "dense bf16 -> f32"):
- The bf16 policy (`--bf16`, TrainConfig(bf16=True)) before nn.products: the encoder's activations in bfloat16, which
  XLA:CPU emulates by converting to float32 and back around every element-wise operation (`--profile` of small: 145
  ms of `add_convert_fusion` thunks, the gelu backward fusion [64,16,16,64] 32 ms against ~1.6 ms in float32). Now
  on the CPU the activations stay float32 and only Dense layers >= nn.CPU_LOW_MIN_WIDTH (256) round their forward
  product's operands (see the nn notebook: XLA:CPU runs no other bfloat16 product faster than float32), so tiny's and
  small's bf16 step is the float32 step (the same jaxpr). Old bf16 against new in one process (main f470ffb's
  package imported beside it), interleaved rounds: tiny 214.1 -> 141.3 ms wall (0.660x; CPU 0.633x; f32 142.9 ms),
  4 rounds of 10, load 2.8-3.3; small 747.8 -> 480.1 ms (0.642x; CPU 0.635x; f32 515.9), 3 rounds of 5, load 3.2-3.4.
  Its losses: tiny 0.826684 = f32's (old 0.826815), small 0.775967 = f32's (old 0.775883).
- Against torch under `torch.autocast("cpu", torch.bfloat16)` (`--torch --bf16`; our bf16 step is our f32 step
  here; autocast runs torch's linear layers and convolutions in bfloat16): tiny 1 device 1.47x (rounds 3.51, 1.39,
  1.47; f32 against torch f32 1.34x), load 4.3-5.0; small 1 device 0.98x (rounds 1.01, 0.98, 0.70; f32 0.93x;
  JAX 356-366 ms, torch's autocast best 256-358 ms), load 1.4-1.6 (an earlier run at load 3.5-4.4: 0.76x, f32 0.84x);
  tiny --devices 2 1.37x (1.44, 1.30; f32 1.29x), load 3.0-3.2; small --devices 2 0.99x (1.12, 0.86; f32 1.33x),
  load 1.6-1.7: torch's autocast step is 0.72x its f32 step at small (280 against 391 ms), ours 1.0x. The 2x goal
  is not met: at these widths (16-64 channels) neither the convolutions nor the transposed products of the backward
  pass run faster in bfloat16 on XLA:CPU; the step reaches 3-9% of the bf16 matmul rate (small), 3-6% at tiny.
  XLA:CPU ignores `jax.default_matmul_precision("bfloat16")` (a 2048^3 float32 matmul: the same result to the bit,
  168 against 167 GFLOP/s), so an opt-in TPU-like precision for the f32 policy would need explicit casts: not built.

Measured (session 13, 2 cores shared with two other sessions, nice 10): the step over 2 host CPU devices against one,
fresh processes taking turns (each: `make_train_step` with `dist.state_sharding` replicated and
`dist.batch_sharding`, 20 calls after the first, medians), batch 2:
- near idle (coordinator, load 1.1-1.5): tiny 66.5 against 90.1 ms a step (0.74x; CPU 118 against 145 ms), first
  call 19.5 against 17.5 s; small 228 and 270 against 355 and 276 ms (10 calls), first call 23.6 and 18.7 s against
  20.5 and 21.4; losses equal to ~1e-7.
- under load 4.3-7.8 (4 rounds of 1 and 2 devices, 2 more configurations in 2 of them): it loses by the clock,
  since both devices' threads must run at once to meet at the all-reduce. tiny 2 devices 129, 213, 204, 254 ms
  against 167, 123, 132, 152; small 1,090, 672, 1,519, 1,148 against 829, 909, 866, 915; CPU about the same (tiny
  91-145 against 118-132 ms, small 460-670 against 487-616). First call (cold, cache off) tiny 35, 74, 38, 72 s wall
  (25-32 CPU s) against 27, 42, 31, 71 (21-29); small 72, 41, 54, 103 s (31-40 CPU) against 83, 73, 45, 70 (30-38).
  2 devices with AEF_CPU_THREADS=1: tiny 179, 233 ms, small 367, 894 (CPU 644, 587: above the wall); with
  AEF_KEEP_HEAP=1: tiny 136, 143, small 1,170, 731 (load 4.3-6.8): no better. Two more rounds after landing (load
  5.2-6.6): tiny 125, 182 against 135, 174 ms; small 1,020, 757 against 872, 678 (CPU 605, 637 against 657, 456).
  Per pair, 2 devices / 1 by the clock: tiny 0.77, 1.73, 1.55, 1.67, 0.92, 1.04 (median 1.3), small 1.31, 0.74,
  1.75, 1.25, 1.17, 1.12 (median 1.2). At load 3.2-4.8 (2 rounds): tiny 101, 128 against 167, 174 ms (0.61x,
  0.73x: a win), small 677, 907 against 344, 811 (1.97x, 1.12x: a loss); first calls tiny 23.7, 42.8 s against
  22.9, 36.7, small 33.7, 55.2 against 29.9, 44.2.
So the split is opt-in at import (AEF_CPU_DEVICES) and the command line asks for `free`: one device per core the
load average leaves free (on 2 cores: 2 at a load average up to 0.5 before it starts, else 1).
- --torch --devices 2 (JAX's step over 2 host devices; torch as before), load 4.3-6.3: tiny JAX/torch 1.20x
  (median of 5 rounds: 2.02, 1.18, 1.20, 0.85, 1.36; JAX 135-387 ms wall at 113-146 CPU ms, torch's best 159-589
  ms, its 2 OpenMP threads 3.4-8.1 s a step under this load); embed 19.2 ms, step 2.36 GFLOP at 16% of matmul.
- small, --torch --devices 2 --rounds 3 --reps 5, load 4.4-5.0: JAX/torch 0.90x (rounds 0.87, 1.16, 0.90; JAX
  604-732 ms wall at 453-556 CPU ms, torch's one thread 526-733 ms, its two 2.4-8.6 s); step 13.4 GFLOP at 23% of
  matmul, first call 64 s. Neither reaches the 2x goal (one device, session 12, load 2-3.2: 1.26x, 0.80x).
- Near idle after the landings (coordinator, main db1225a, nothing else running, load 1.2-1.7), fresh processes
  taking turns, 3 rounds, 20 calls each, 2 devices against 1: tiny 72.5, 66.2, 67.9 against 103.7, 89.2, 101.0 ms
  (0.70, 0.74, 0.67; CPU 126, 118, 124 against 166, 140, 160 ms), small 335, 315, 331 against 404, 395, 387 ms
  (0.83, 0.80, 0.85; CPU 635, 575, 622 against 630, 621, 606 ms); first call tiny 20.8, 19.7, 20.9 against 17.1,
  16.2, 19.5 s, small 28.2, 19.6, 24.3 against 20.8, 23.6, 22.8 s; tiny's losses of 20 steps equal, small's equal
  to 6e-8. --torch --rounds 4 --reps 10, one process per device count: tiny --devices 2 1.72x (rounds 1.68, 1.84,
  1.66, 1.76; JAX 69-74 ms, torch's best 114-133 ms), --devices 1 1.10x (1.13, 1.08, 1.37, 0.99; JAX 84-99 ms, torch
  90-115 ms); small --devices 2 1.16x (1.12, 1.21, 1.05, 1.27; JAX 353-373 ms, torch 393-454), --devices 1 1.07x
  (1.12, 0.97, 1.08, 1.06; JAX 399-428 ms, torch 415-466). Torch ran about 1.15x slower in the 2-device process
  (its 1-thread time too: 145-173 against 121-147 ms for tiny), so against the 1-device process's torch tiny's
  2-device step is 1.42x. The 2x goal is not met.

Measured (session 12, 2 cores shared with two other sessions, load 3.6-7, nice 10):
- XLA:CPU's thread pools: jaxlib sizes its intra-op pool (and its client's pool) at one thread per core, from the
  `NPROC` variable when set, read once when the CPU backend starts, so no per-program compiler option can change it;
  `AEF_CPU_THREADS=auto` sets it at import (core.cpu_threads: cores - 1, here 1; opt-in since the near-idle check below). Compared in separate processes taking
  turns (interleaved rounds, the same program from one cache): tiny step 1 thread against 2, CPU 0.855 and 0.891,
  wall 0.87 and 0.93 (two pairs, 10 rounds, load 4.2-4.6; the two 2-thread processes 1.03 CPU apart), earlier CPU
  0.90 (12 rounds, load 7); small CPU 0.889, wall 0.846 (10 rounds, load 5.5-6.3), then 0.915 and 1.007 against
  1.024 for the second 2-thread process (8 rounds, load 4.0-4.8); small forward pass (batch 8) wall 0.92, CPU 0.955.
  Per thread (tiny, 20 steps): with 2 pool threads both compute (72 + 70.5 CPU ms a step) and the thread that runs
  the program idles; with 1 that thread computes too (71.5 + 59.5): the same two busy threads, less overhead. A
  pool of 3: CPU 1.007 (noise); synchronous dispatch (JAX_CPU_ENABLE_ASYNC_DISPATCH=false) CPU 0.93 but wall 1.07,
  with 1 thread 0.898 / 0.923 (no better than 1 thread alone). Cold first call (tiny, fresh processes): 35.4 and
  18.6 s against 39.6 and 28.5 (load 4.6-6.1). With it, --torch --rounds 5: tiny 1.57x (rounds 1.14-2.28, load
  4.0-4.7; JAX CPU 106-144 ms a step), small 1.32x (0.70-2.04, load 3.4-4.2): the 2x goal is not met.
- glibc's malloc (core.KEPT_HEAP, at import with AEF_KEEP_HEAP=1): XLA:CPU's per-call buffers were mmapped afresh on every call
  (above glibc's 32 MiB mmap cap, or above the 64 MiB of a thread's own arena) and page-faulted back in: tiny 11,500
  faults and 26 ms of system time a step, small 45,000 and 103 ms. With the mmap and trim thresholds at 1 GiB and one
  arena, none: separate processes taking turns, kept/default tiny CPU 0.796 and 0.767, wall 0.793 and 0.766 (8
  rounds, every round 0.72-0.92, load 2.8; the two default processes 1.03 apart); small CPU 0.820 and 0.804, wall
  0.817 and 0.804 (6 rounds, 0.71-0.95, load 2.6). The thresholds alone did nothing for small (1.007, 0.986).
  Near idle (coordinator, load 1.2-1.5, fresh processes taking turns, 2 rounds; compile.py --configs after) the one
  arena slows the cold compile: XLA's compile of small's step 21.3/21.7 s (2 threads, heap kept) against 14.7/16.9
  (glibc's defaults), tiny 16.4/17.1 against 11.9/9.8; first call small 27.3/27.2 s against 20.4/22.2; a call after
  small 341/349 ms against 364/446, tiny 91/95 against 93/105 (1 thread, heap kept: small 357/439, tiny 86/100). So
  both settings are opt-in (AEF_KEEP_HEAP=1, AEF_CPU_THREADS=auto): for long runs on a shared CPU.
- With the heap kept, pool of 1 against 2 threads: near idle (load 1.2-1.3, 5 rounds) tiny wall 1.02, CPU 0.83;
  small wall 1.01, CPU 0.81 (both programs ran on about one core: CPU = wall with 1 thread); at load 2.4 tiny wall
  0.91, CPU 0.98, small about 1.0 (two pairs, 6-8 rounds). A lone 2048^3 matmul: 1 thread 2.2x the wall near idle.
  --torch near 2.0-3.2 load: tiny 1.26x (rounds 0.79-2.37; JAX 70-124 ms, 24% of matmul), small 0.80x (0.69-1.07;
  JAX 360-477 ms, 31% of matmul; torch's 2 threads 331-386 ms when a core is free): the 2x goal is not met.
- Dropped: Norm's column sums as jnp.sum instead of ones-vector products (nn._colsum): tiny new/old CPU 0.970,
  wall 0.963 (8 rounds, 0.85-1.10, load 4.0-4.6), small 0.992 / 1.053 (6 rounds, 0.85-1.22, load 5.1): noise, and
  gradients 8-10e-6 of the leaf's largest value from the exact sums.

Measured (session 11, 2 cores shared with two other sessions, load 4-10; old/new interleaved in one process):
- Where tiny's step goes (thunk durations from --profile, 5 steps): of ~3,800 thunks, 2,578 take under 5 us and
  1.6 ms in all, 230 take 5-10 us (1.7 ms); the 114 over 300 us take 80 of ~143 ms and the 194 at 100-300 us 33.
  So the kernel COUNT costs compile time (~11 ms of LLVM CPU each), not run time: run time is in the mid-size and
  large thunks. By output minor dimension: loop fusions at minor 16 (tiny's precision state) 29 ms in 331 thunks,
  YNNPACK fusions at 32 / 16 / 64: 20 / 15 / 10 ms. small (867 ms of thunks, 6,436 thunks): PrecisionOp's convs
  fwd 54 + bwd 91 ms and its element-wise 30, depthwise3 ~80, decoders ~110, vMF ~43 ms. A thunk's time is its
  wall time on busy cores next to other thunks: the gelu fusion of small's PrecisionOp ([64,16,16,64], tanh) shows
  3.7-7.1 ms in the step but runs in 0.77 ms alone (1.16 ms with the cubic term), so rank by it, never add it up.
- Kept: depthwise3's kernel gradient as one reduction with nine outputs over the leading axes (nn._tap_sums). The
  nine separate sums made XLA:CPU write out each shifted input (a pad_slice_fusion that recomputed the Norm before
  it) for a YNNPACK reduction: 9 copies + 9 reductions per call. Fusions tiny 1,564 -> 1,411, small 1,935 -> 1,782;
  step before/new CPU tiny 1.016 and 1.019 (7 rounds each, load 4.1-4.6; wall 1.15, 1.12), small 1.005 (wall 0.996,
  5 rounds, load 5.0-5.3); small's XLA compile 30.3 -> 27.3 CPU s (3 alternating rounds, load 6.8-8.3). Gradients
  within 3e-7 of the leaf's largest value. Alone (Norm + depthwise3 fwd+bwd): 0.62-0.67x CPU at [32,16,16,16],
  1.02-1.07 at [64,16,16,32], 1.04 at [32,4,4,32]. Near idle (load 1.5, 7 rounds, layers.py --only-step) it made
  small's step slower, before/new CPU 0.964, wall 0.926 (tiny 1.026, 1.018), so it is used up to
  nn.TAP_SUMS_MAX_C = 16 channels only (nine separate sums above): small 0.990 / 0.999, tiny 1.021 / 1.026 (load 1.5-1.8).
- Dropped: one full reduction with nine outputs (all axes at once): 0.62x at [32,16,16,16] but 1.12-1.17 at
  [64,16,16,32] and 20x the rounding error (sums rows in sequence: 2.0e-6 of the largest sum against 9e-8).
  The same over [N, h, w*c] (minor dimension 256 instead of c): 0.76 / 1.15 / 1.18 alone, in the step 0.967x (slower).
  depthwise3 forward as shifts of a [..., h, w*c] view (minor 256): 1.14x slower alone, with its Norm 1.52x.
  Two-stage sums (leading axis, then pixels) as plain jnp.sum: 1.08 / 1.19x. Norm backward with its two row means
  in one product (stacked [gy, gy*yh]) and its two column sums in one: 2.4-2.7x slower (the stack is written out);
  its column sums as jnp.sum instead of ones-vector products: 0.88-0.89x at [64,16,16,32], [32,16,32], [32,4,64]
  but 1.04 at [32,16,16,16]; in the tiny step CPU 1.065x but wall 0.970 (rounds 0.93-1.21, load 8.2) and 32 more
  fusions (1,410 -> 1,442): not kept, the small step not measured (load 8-10). The Projector's space_to_depth (a
  [8192,48] copy at minor dimension 12, 3 ms of tiny's thunks) replaced by two products over the patch rows of a
  [T, L/2, 2, L/2, 2C] view: step CPU 0.986x, wall 1.055 (7 rounds, load 9.5-10.3), 5 more fusions.

Measured (session 10, 2 cores at load 3.4-6; every wall figure swings 2x between rounds at this load):
- nn.conv3's weight gradient over chunks of frames (nn.DW_CHUNK_BYTES): small's four precision weight gradients
  fell from ~130 ms of thunks (ynn_fusion [32|64,3,3,64|32], ~17 GFLOP/s) to ~40; bwd conv3 is now 76 ms of small's
  779 (input gradients ~37 of it), fwd convs 48, XLA's N-to-minor transposes ~25 (plus 10 for the summary's vmapped
  Conv3, whose weight gradient, ynn_fusion [32,3,3,32], is 15 ms: one image per call, so never chunked).
  Forward and input-gradient convs alone run at 115-135 GFLOP/s CPU (64 frames, 32<->64); chunking them: 0.85-1.0.
  Chunks of 384 KiB instead of 768: small step 1.10x more CPU, 1.07x wall (5 rounds, load 3.5).
- --torch after it: small JAX/torch 0.86x (rounds 0.86, 0.66, 0.99; JAX 429-857 ms wall, CPU 447-519 ms; torch one
  thread 425-735 ms; load 3.6-6.0), 17% of matmul; tiny 1.10x (0.61-1.64, 5 rounds, load 3.3-4.2), 18% of matmul.
- torch.profiler on torch_ref (small, one thread, self CPU shares): summary's broadcast mul/sum ~29%, mm/addmm 12%,
  oneDNN conv fwd+bwd 11%, layer norm fwd+bwd 9%, Beta sampling 3%. Ours (thunks): convs with their transposes and
  elementwise ~22%, Dense fwd+bwd 12%, depthwise3/_shift3/_eye_product 11%, Norm bwd 6%, decoders 8%,
  summary.vmf_large_kappa's [62720,16] multiply fusion (minor dimension 16, scalar code) 29 ms, 4%.
- Tried after it, not taken (old/new interleaved in one process, 2 cores at load 3.1-3.7): the summary's Conv3 as
  one nn.conv3 over the frames of all vmapped axes (a custom_vmap rule), so its weight gradient chunks: small step
  CPU 1.014, wall 0.928 (rounds 0.89-1.05), tiny 0.997/0.996; at 32 x 32 px chunking loses: 7 chunks of 3 frames
  3.0-3.3 ms each against 14-18 ms whole, and [20,32,32,32]->32 conv3 vjp alone chunked by 1, 5, 10 frames costs
  1.55, 1.59, 1.48x the CPU of one piece. vmf_large_kappa's [62720,16] fusion is the threefry hash + erf_inv of
  the 70 normals per draw ([2,7,70,32,32], per-example keys), ~8 ns/element at any minor dimension: alone 8.7 ms
  at [62720,16] against 7.7 at [15680,64] (identity product in blocks of 64; vmf fwd+bwd CPU 1.01; eye(16) @
  [16, N]: 1.29); hash + erf_inv of 1M at minor 16 5.33 ms, at 1024 5.24. The step's thunk list shows it at 21-29
  ms: a thunk's wall time (split in 2 partitions, on busy cores), against 8.7 alone, vmapped as in the step.

Measured (session 9, 2 cores at load 4-6, tiny ~124 ms and small ~680 ms of thunks per step):
- XLA:CPU (jaxlib 0.10.2) emits loop fusions whose output's minor dimension is 16 as fully unrolled scalar code
  (vfmadd...ss; no packed xmm/ymm/zmm instructions), at the step's options and at XLA's defaults alike; minor
  dimensions 32, 64 and 1024 get packed AVX code (objdump of --xla_dump_to's obj files for x * 3 + 1). tiny's
  precision state (d_precision 16) and nn._eye_product's blocks of gcd(c, 16) make such fusions: >= 12 ms of tiny's
  thunks. No option changes it (O1/O2/O3, prefer_vector_width, max_isa, fusion emitters; xla_cpu_flatten_after_fusion
  is no compile option); YNNPACK ELTWISE fusions: step 2.00x slower; XNNPACK 1.17x, XNNPACK greedy 1.75x (CPU).
- Convolution weight gradients: XLA's conv with batch = input channels needs x as [i, h, w, n]; that transpose (N to
  the minor axis) runs at ~5 ns per element ([64,16,16,64] alone: 4.8 ms; a 2-D [64, 16384] transpose 1.7 ms) and the
  gradient conv at ~30 GFLOP/s against ~80 for the forward: small's five conv3 weight gradients with their transposes
  are ~120 ms of its 680. Nine shifted products, or row-offset slices of the flattened padded arrays: 1.0-2.5x slower
  per layer (fwd+bwd); depthwise3 as a grouped convolution: step 2x slower.
- Dropped (old/new, interleaved in one process): optimization_barrier before the depthwise shifts (XLA:CPU removes it
  before fusion: same HLO), _eye_product in blocks of 32 (step CPU tiny 1.01, small 1.04, wall 1.00), row sums as
  ones-vector products in householder_to/unit (vMF fwd+bwd 1.10 at 1 target, 0.85 at 7), Upsample over a batch of
  periods instead of vmapped (1.02), one stacked reduce for depthwise3's kernel gradient (0.43-0.99), the projector
  without its concat (1.04) or with its input materialised first (0.90).
"""
import argparse
import collections
import os
import re
import resource
import tempfile
import statistics
import sys
import time
from pathlib import Path

import equinox as eqx
import jax
import jax.numpy as jnp

sys.path.insert(0, str(Path(__file__).parent))
from flops import count_flops, xla_flops  # noqa: E402

from alphaearth_nb import core, dist, losses, nn, samples, stacks
from alphaearth_nb.model import AlphaEarth, preset
from alphaearth_nb.nn import count_params
from alphaearth_nb.train import TrainConfig, apply_policy, init_state, make_optimizer, make_train_step, train_step


def median_time(fn, reps: int, warm: int = 2) -> tuple[float, float]:
    "Median and min seconds of `fn()` (which must block) over `reps` runs after `warm` warm-up runs."
    for _ in range(warm): fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); fn(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts), min(ts)


def settle(run, most: int = 12, faults: int = 100) -> int:
    "With the heap kept (core.KEPT_HEAP): call `run()` until a call takes fewer than `faults` minor page faults, at "
    "most `most` calls, and return how many ran (0 with glibc's defaults, whose faults never stop). After the first "
    "call, after torch ran in this process (its allocations share glibc's one arena) and at times between, small's "
    "step faults XLA:CPU's buffers back in for several calls (7,581 faults and 13-26 system ms a call, session 21), "
    "which the timed calls would otherwise count from the start."
    if not core.KEPT_HEAP: return 0
    for i in range(1, most + 1):
        f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        run()
        if resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0 < faults: return i
    return most


def _hlo_sources(hlo: str) -> dict:
    "Instruction name -> (forward/backward, innermost package line) from a compiled module's text and stack frames."
    tables, sec = {"FileNames": {}, "FunctionNames": {}, "FileLocations": {}, "StackFrames": {}}, None
    for ln in hlo.split("\n"):
        if ln in tables: sec = ln; continue
        m = re.match(r"^(\d+) (.*)$", ln) if sec else None
        if not m: sec = None if not ln.strip() and sec == "StackFrames" else sec; continue
        i, rest = int(m.group(1)), m.group(2)
        if sec in ("FileNames", "FunctionNames"): tables[sec][i] = rest.strip('"')
        else: tables[sec][i] = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", rest)}
    def where(fid):
        seen = set()
        while fid in tables["StackFrames"] and fid not in seen:  # parent ids count from 1
            seen.add(fid); fr = tables["StackFrames"][fid]; loc = tables["FileLocations"][fr["file_location_id"]]
            path = tables["FileNames"][loc["file_name_id"]]
            if "/alphaearth_nb/" in path:  # the innermost frame in the package
                return f"{path.split('/')[-1]}:{loc['line']} {tables['FunctionNames'][loc['function_name_id']]}"
            fid = fr["parent_frame_id"] - 1
        return "?"
    out = {}
    for m in re.finditer(r'^\s*(?:ROOT )?%([\w.\-]+) = .*?op_name="([^"]*)".*?stack_frame_id=(\d+)', hlo, re.M):
        out.setdefault(m.group(1), ("bwd" if "transpose(" in m.group(2) else "fwd", where(int(m.group(3)))))
    return out


def _hlo_shapes(hlo: str) -> dict:
    "Instruction name -> its output shape (with layout) and opcode, from a compiled module's text."
    return {m.group(1): (m.group(2), m.group(3))
            for m in re.finditer(r'^\s*(?:ROOT )?%([\w.\-]+) = (\(.*?\)|\S+) ([\w\-]+)\(', hlo, re.M)}


def profile(run, compiled_text: str, n: int, top: int = 25, thunks_top: int = 0):
    "Run `run()` n times under jax.profiler; print XLA:CPU thunk time per (direction, source line), most first; with "
    "`thunks_top`, also the costliest single thunks with their output shape and source line."
    src = _hlo_sources(compiled_text)
    with tempfile.TemporaryDirectory() as d:
        with jax.profiler.trace(d):
            for _ in range(n): run()
        data = jax.profiler.ProfileData.from_file(str(next(Path(d).rglob("*.xplane.pb"))))
    agg, cnt, total, thunks = collections.Counter(), collections.Counter(), 0, 0
    per, per_n = collections.Counter(), collections.Counter()
    edges, sizes = [], collections.Counter()  # leaf thunks' (time, +1/-1, thread); time per duration bucket
    for plane in data.planes:
        for li, line in enumerate(plane.lines):
            if line.name == "python": continue
            for ev in line.events:
                if "ThunkExecutor" in ev.name or "Await" in ev.name or ev.name.startswith("end:"): continue
                key = src.get(ev.name, ("?", ev.name.split(".")[0]))
                agg[key] += ev.duration_ns; cnt[key] += 1; total += ev.duration_ns; thunks += 1
                per[ev.name] += ev.duration_ns; per_n[ev.name] += 1
                if not ev.name.startswith(("cond", "while", "call")):  # containers hold the thunks they run
                    edges += [(ev.start_ns, 1, li), (ev.start_ns + ev.duration_ns, -1, li)]
                    b = next(b for b in (5, 20, 100, 300, float("inf")) if ev.duration_ns < b * 1e3)
                    sizes[b, "n"] += 1; sizes[b, "ns"] += ev.duration_ns
    print(f"profile: {total / n / 1e6:.1f} ms of XLA:CPU thunks per step ({thunks // n} thunks, all threads); top lines:")
    running, k_ns, last = collections.Counter(), collections.Counter(), min(edges)[0] if edges else 0
    for t, d, li in sorted(edges):  # how long 0, 1, 2... threads were inside a leaf thunk (parallelism between thunks)
        k_ns[sum(v > 0 for v in running.values())] += t - last; last = t; running[li] += d
    print("  ms per step with k threads in a thunk (the trace's whole span): "
          + ", ".join(f"k={k} {v / n / 1e6:.1f}" for k, v in sorted(k_ns.items())) + "; leaf thunks by duration: "
          + ", ".join(f"{'<%g' % b if b < 1e9 else '>=300'} us {sizes[b, 'n'] // n}x {sizes[b, 'ns'] / n / 1e6:.1f} ms" for b in (5, 20, 100, 300, float("inf"))))
    for (d, where), ns in agg.most_common(top):
        print(f"  {ns / n / 1e6:7.2f} ms {ns / total:5.1%} {cnt[(d, where)] // n:5d}x  {d} {where}")
    if not thunks_top: return
    shapes = _hlo_shapes(compiled_text)
    print("costliest thunks (ms per step, calls per step, name, opcode, output shape, source line):")
    for name, ns in per.most_common(thunks_top):
        shape, op = shapes.get(name, ("?", "?"))
        d, where = src.get(name, ("", ""))
        print(f"  {ns / n / 1e6:7.2f} ms {per_n[name] // n:3d}x  {name:32s} {op:12s} {shape[:48]:48s} {d} {where}")


def matmul_peak(n: int = 2048, reps: int = 10, dtype=jnp.float32) -> float:
    "FLOP/s of a dense n x n matmul, the practical peak of this machine under XLA: float32, or of `dtype` operands "
    "(bfloat16) summed and returned in float32 (on CPUs with AMX, the only bfloat16 product XLA:CPU runs on it)."
    a = jax.random.normal(jax.random.PRNGKey(0), (n, n), jnp.float32).astype(dtype)
    b = jax.random.normal(jax.random.PRNGKey(1), (n, n), jnp.float32).astype(dtype)
    f = jax.jit(lambda a, b: jnp.matmul(a, b, preferred_element_type=jnp.float32))
    med, _ = median_time(lambda: f(a, b).block_until_ready(), reps)
    return 2 * n**3 / med


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="tiny")
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--bf16", action="store_true", help="also time the step with bf16 compute")
    ap.add_argument("--torch", action="store_true", help="time the PyTorch reference (benchmarks/torch_ref.py) too")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved JAX / torch rounds with --torch")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="trace N steps (each policy timed): thunk time per source line")
    ap.add_argument("--thunks", type=int, default=0, metavar="K", help="with --profile: also the K costliest thunks")
    ap.add_argument("--devices", type=int, default=0, metavar="N", help="N host CPU devices (jax_num_cpu_devices, set "
                    "before JAX starts): the step's batch split over the most of them that divide it (default: JAX's "
                    "count, 1 on CPU unless AEF_CPU_DEVICES or XLA_FLAGS says more)")
    args = ap.parse_args(argv)
    core.keep_heap()  # as `aef` and `fit` do, before JAX starts (AEF_KEEP_HEAP=0: glibc's defaults, for comparison)
    if args.devices: jax.config.update("jax_num_cpu_devices", args.devices)  # before anything runs on JAX's CPU
    mesh = dist.make_mesh(batch_size=args.batch)  # on host CPU devices: the most that split the batch
    print(f"jax {jax.__version__} on {jax.devices()[0].platform} x{len(jax.devices())}, {os.cpu_count()} CPU cores; "
          f"preset {args.preset}, batch {args.batch}, step on {mesh.devices.size} device(s); XLA:CPU pool {os.environ.get('NPROC', 'jaxlib default')} threads "
          f"(core.cpu_threads), heap kept {core.KEPT_HEAP} (core.keep_heap; AEF_KEEP_HEAP=0 off); load average {os.getloadavg()[0]:.1f} (other processes slow every figure)")
    peak0 = matmul_peak()
    peak_bf0 = matmul_peak(dtype=jnp.bfloat16) if args.bf16 else 0.0

    try:
        from alphaearth_nb import scene
        stack, texts, _ = scene.load_scene()
        print("data: the committed sample scene")
    except ImportError:  # before the scene module exists
        stack, texts = stacks.toy_stack(n_time=24, size=48, days=15), None
        print("data: stacks.toy_stack (scene.py not importable)")
    cfg_m = preset(args.preset)
    model = AlphaEarth(cfg_m, key=jax.random.PRNGKey(0))
    n_params = count_params(model)
    sampler = samples.sampler_config(cfg_m, args.preset if args.preset in samples.SAMPLERS else None)
    batch = jax.device_put(samples.Batches(stack, sampler, args.batch, seed=0, texts=texts).batch_at(0))
    frames = {k: int(f.frame.shape[1]) for k, f in batch.inputs.items()}
    print(f"parameters {n_params:,}; patch {sampler.patch}; frames per source {frames}")

    # embed: the forward pass to mean directions for the shared summary period
    embed = eqx.filter_jit(lambda m, inputs, period: jax.vmap(lambda x, p: m(x, p[None]))(inputs, period))
    # (a cold compile of the model's forward pass; embed.embed adds the tiling around the same call)
    t0 = time.perf_counter(); embed(model, batch.inputs, batch.period).block_until_ready(); t_embed_compile = time.perf_counter() - t0
    t_embed, _ = median_time(lambda: embed(model, batch.inputs, batch.period).block_until_ready(), args.reps)
    fx_embed = xla_flops(embed.lower(model, batch.inputs, batch.period).compile())
    with nn.traced_for(jax.default_backend()):  # count the branch of each nn.on_platform that runs, not the costliest
        f_embed = count_flops(lambda m, i, p: jax.vmap(lambda x, q: m(x, q[None]))(i, p), model, batch.inputs, batch.period)

    results, runs = {}, {}
    for bf16 in ([False, True] if args.bf16 else [False]):
        tcfg = TrainConfig(steps=1_000, warmup=10, batch_size=args.batch, bf16=bf16)
        opt = make_optimizer(tcfg)
        state = init_state(apply_policy(model, tcfg), opt)  # the one precision policy: bf16 in the encoder
        if mesh.devices.size > 1:  # data parallel over host CPU devices (--devices): the batch split, state replicated
            ssh, bsh = dist.state_sharding(state, mesh), dist.batch_sharding(mesh)
            step = make_train_step(losses.total_loss, opt, state_shardings=ssh, batch_shardings=bsh)
            state, sbatch = dist.place(state, ssh), dist.place(batch, bsh)
        else:
            step, sbatch = make_train_step(losses.total_loss, opt), batch
        box = [state]
        def run():
            box[0], loss, _ = step(box[0], sbatch)
            loss.block_until_ready()
        t0 = time.perf_counter(); run(); t_compile = time.perf_counter() - t0  # the first call: a cold compile
        # the programs that run (on the CPU two since session 11: loss and gradients, then the update); thunk names
        # can repeat between them, the first program's source line wins in the profile
        progs = [lo.compile() for lo in (step.lower(box[0], sbatch) if hasattr(step, "lower")
                                         else [step.jitted.lower(sbatch, box[0])])]
        fx_step = sum(xla_flops(c) for c in progs)
        text = "\n".join(getattr(c, "compiled", c).as_text() for c in progs)
        if args.profile:
            print(f"step {'bf16' if bf16 else 'f32'}:")
            profile(run, text, args.profile, thunks_top=args.thunks)
        with nn.traced_for(jax.default_backend()):  # count the branch of each nn.on_platform that runs
            f_step = count_flops(lambda b, s: train_step(s, b, losses.total_loss, opt), batch, box[0])
        settled = settle(run)
        t_step, t_min = median_time(run, args.reps)
        runs[bf16] = run
        results[bf16] = (t_step, t_min, f_step, fx_step, t_compile, settled)

    peak = max(peak0, matmul_peak())  # before and after the model: the less contended figure
    print(f"dense f32 matmul (2048^3): {peak / 1e9:.1f} GFLOP/s; load average now {os.getloadavg()[0]:.1f}")
    peak_bf = max(peak_bf0, matmul_peak(dtype=jnp.bfloat16)) if args.bf16 else 0.0
    if args.bf16: print(f"dense bf16 -> f32 matmul (2048^3, bfloat16 operands, float32 sums): {peak_bf / 1e9:.1f} GFLOP/s")
    print("FLOPs: counted from the jaxpr with scan trip counts (flops.py); XLA's cost_analysis counts a scanned body once")
    print(f"embed  (batch {args.batch}): median {t_embed * 1e3:.1f} ms, {f_embed / 1e9:.3f} GFLOP (XLA {fx_embed / 1e9:.3f}), "
          f"{f_embed / t_embed / 1e9:.1f} GFLOP/s = {f_embed / t_embed / peak:.0%} of matmul; compile {t_embed_compile:.1f} s")
    for bf16, (t_step, t_min, f_step, fx_step, t_compile, settled) in results.items():
        tag = "bf16" if bf16 else "f32 "
        print(f"step {tag} (batch {args.batch}): median {t_step * 1e3:.1f} ms (min {t_min * 1e3:.1f}), {f_step / 1e9:.3f} GFLOP (XLA {fx_step / 1e9:.3f}), "
              f"{f_step / t_step / 1e9:.1f} GFLOP/s = {f_step / t_step / peak:.0%} of matmul"
              + (f" ({f_step / t_step / peak_bf:.0%} of the bf16 one)" if bf16 else "") + f"; compile {t_compile:.1f} s; {settled} calls to settle")

    if not args.torch:
        return
    try:
        import torch
        import torch_ref
    except ImportError as e:
        print(f"PyTorch reference skipped: {e} (pip install torch --index-url https://download.pytorch.org/whl/cpu)")
        return
    threads = torch.get_num_threads()
    def cpu_ms(fn, reps):
        "Median process CPU milliseconds of `fn()` (less sensitive than wall time to other processes' load), and the "
        "mean system milliseconds and page faults (minor) a call: XLA:CPU's buffers mmapped afresh (core.KEPT_HEAP)."
        cs, r0 = [], resource.getrusage(resource.RUSAGE_SELF)
        for _ in range(reps):
            c0 = time.process_time(); fn(); cs.append((time.process_time() - c0) * 1e3)
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        return statistics.median(cs), (r1.ru_stime - r0.ru_stime) * 1e3 / reps, (r1.ru_minflt - r0.ru_minflt) / reps
    rows = {bf16: [] for bf16 in runs}
    for r in range(args.rounds):  # interleaved, so both see the same neighbours on a shared machine
        for bf16, run in runs.items():  # with --bf16 also ours in bfloat16 against torch under bf16 autocast
            tag = "bf16 " if bf16 else ""
            n_settle = settle(run)  # the calls after torch's faulted XLA:CPU's buffers back in
            t_jax, _ = median_time(run, args.reps, warm=1)
            c_jax, sys_jax, flt_jax = cpu_ms(run, args.reps)
            t_tn, _, tpeak = torch_ref.time_step(batch, cfg_m, reps=args.reps, bf16=bf16)
            torch.set_num_threads(1)
            t_t1, _, _ = torch_ref.time_step(batch, cfg_m, reps=args.reps, bf16=bf16)
            torch.set_num_threads(threads)
            t_torch = min(t_tn, t_t1)
            rows[bf16].append((t_jax, t_torch, os.getloadavg()[0]))
            print(f"round {r}: JAX {tag}step {t_jax * 1e3:.1f} ms (CPU {c_jax:.0f} ms, system {sys_jax:.0f} ms, {flt_jax:,.0f} page faults; {n_settle} calls to settle); torch {tag}step {t_tn * 1e3:.1f} ms "
                  f"({threads} threads), {t_t1 * 1e3:.1f} ms (1 thread: CPU = wall); torch matmul {tpeak / 1e9:.1f} "
                  f"GFLOP/s; JAX/torch speed-up {t_torch / t_jax:.2f}x (wall); load average {rows[bf16][-1][-1]:.1f}")
    for bf16, rs in rows.items():
        ratio = statistics.median(t / j for j, t, _ in rs)
        t_torch = statistics.median(t for _, t, _ in rs)
        what = "bf16 (torch: autocast to bfloat16)" if bf16 else "f32"
        print(f"torch step {what} (batch {args.batch}, the faster of its thread settings): median {t_torch * 1e3:.1f} "
              f"ms; JAX is {ratio:.2f}x as fast (median of {len(rs)} interleaved rounds' ratios; goal >= 2x; "
              f"load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
