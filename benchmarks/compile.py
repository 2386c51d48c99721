"""Cold compile time of the first `small` training step and the first `embed` call, beside the step time.

    .venv/bin/python benchmarks/compile.py [--preset small] [--rounds 2] [--what step,embed] [--cache] [--base PATH]
                                           [--sources] [--inprocess ROUNDS --base PATH] [--tiers STEPS]

Each measurement runs in a fresh process with JAX's persistent compilation cache off (`AEF_COMPILE_CACHE=0`), so
every first call traces, lowers and compiles from scratch. The configurations, interleaved round by round so all
see the same neighbours on a shared machine:
- "before": XLA's default CPU optimisation (`AEF_FAST_COMPILE=0`) and Adam per parameter (`layout='tree'`), as
  the package was before issue 16;
- "o1": XLA:CPU's backend optimisation level 1 only (`core.FAST_COMPILE` without `core.FAST_STEP`) and Adam on one
  flat vector;
- "s5": `core.FAST_STEP` as it was before the memory-optimised thunk order (the loop emitter and the split in
  two, XLA:CPU's default scheduler);
- "NAME@base" (with `--base PATH`): the configuration with the package imported from another checkout (the code
  before a change), interleaved with this checkout's;
- "after": the package's defaults: `core.compiler_options(step=True)` on the CPU backend (`core.FAST_COMPILE`, level
  1, and `core.FAST_STEP`: the loop emitter instead of the fusion emitters, the LLVM module split in two) and Adam on
  one flat vector, with the step's thunks in XLA:CPU's memory-optimised order;
- "level0": "after" at XLA:CPU's backend optimisation level 0 (`--configs after,level0`; session 12, below);
- "mof", "isel" (only when named): "after" with `XLA_FLAGS` set in the child (`CONFIG_ENV`; session 15, below).
Embedding has no optimiser and does not use `FAST_STEP`, so it runs "before" and "after" only.
With `--interleave`, the flat-Adam step is also compiled three ways (XLA's default, `FAST_COMPILE`, and with
`FAST_STEP`) in this process and the programs called in alternating rounds, the fairest comparison of run time.
Per process it prints the first call's wall seconds (trace + compile + one run) and CPU seconds, split into
tracing (Python: jaxpr), lowering (jaxpr to StableHLO) and XLA's compile (from `jax.monitoring`'s duration events;
the rest is the first run and dispatch), then the median
of `--reps` later calls (wall and CPU milliseconds): the run time must not get worse for a faster compile. The
summary gives each configuration's ratio to the one before it and to "before" (medians over rounds) and the load
average; CPU seconds are the steadier
figure when other processes share the cores. With `--cache` (`--rounds 0 --cache` for it alone), "after" also runs
twice with the persistent cache on, in a new folder of its own: the first process compiles and writes it, the second
finds the program there (its line counts the hits and the load time instead of XLA's compile); tracing and lowering
are paid either way, since JAX traces to find the cache key.

Where the step's cold compile goes (session 8; 2 cores at load 5-8, `perf` on the XLA threads, XLA:CPU's own
timers): tracing 5.2-5.5 CPU s and lowering 1.1 s (Python, one core), XLA's HLO passes about 4.5 s (one thread;
simplification 1.8, copy insertion 1.2, layout 0.8), then LLVM about 17.6 CPU s on the two codegen threads (8.6 and
9.0 s: the split in two keeps both cores busy). The compiled program has 1,856 fusions, 494 of them YNNPACK's; the
others are LLVM kernels at about 11-13 ms of CPU each at optimisation level 1 (165 trivial ones alone: 1.5-1.9 CPU s;
level 0: 0.13 CPU s, but the step runs 2.5x slower), spent in instruction selection (15%), the loop vectoriser (9%),
and the loop passes around it. By source (named scopes): the two unrolled STP blocks 621 kernels (forward 309,
backward 312), the rest of the encoder 150, the parameter update 173 (one `add` per parameter leaf, from the flat
Adam vector), decoders 158, time pooling 121+, perturbation 67. `tiny` (one source) still has 1,561: the count
comes from the layers, not from the sources. Idle, that is about 5.5 + 1.2 + 4.5 + 9 = 20-22 s.
At load 3.3-3.9 (`--configs after`): step first call 25.2 and 27.8 s (XLA 16.7 and 21.8 s), embed 9.8 and 11.7 s.
Measured the same session: second process with the cache 10.6 s wall, 7.0 CPU s (trace 5.2, lower 1.1, load 2.3 s
wall) against 41 CPU s cold in that run (25-33 at lower load); embed 10.4 s (5.2 CPU s) against 12.9 CPU s cold.
Tried: the two blocks under `jax.lax.scan` (`stp.UNROLL_BLOCKS = 1`): 1,627 fusions, compile 0.86x the CPU s, but
the step 13x slower (15.7 s against 1.2 s a call). XLA:CPU options on top of the package's, the same lowered
step compiled again in one process (`jax.clear_caches()` between, alternating rounds), CPU s ratio to base: emitter
verification off (`xla_cpu_emitter_verification_level` 0) 0.92 then 1.03 (3 and 4 rounds), LLVM's expensive passes
off 1.05, `CPU_OPT_PRESET_FAST_COMPILE` 0.94 (one compile); on 165 trivial kernels alone, vector width 256 1.00, 128
1.45, AVX2 only 1.19, split 1 or 8 0.88/0.96 (one compile each): none lands.
Session 9: the step is traced for its platform (`nn.traced_for`), so each `nn.on_platform` choice (bilinear taps,
identity products, the looped convolution's gradient) traces, differentiates and lowers one branch instead of both
(`lax.platform_dependent`): the same optimised HLO, tracing 8.58 M -> 7.44 M Python calls, trace + lower 0.86x and
0.92x the CPU seconds (6 and 8 rounds alternating in one process, load 4.8 and 3.8). Kernels by package function
(`--sources`): nn.Norm 122, nn._shift3 106, stp.encode's per-block slices of the stacked block parameters 91 (34
trivial), decoders 76, TimePool.weights 66, nn._standardise 50, nn._upsample_axis 76; "?" 199 is mostly the
parameter update's 165 adds (one per leaf: a standalone program of them alone compiles in 2.1-2.3 CPU s; a flat add
then a split into leaves gives the same 165 kernels and 1.7x the compile). Tried on the lowered step, one process
(compile CPU s ratio to the package's options, run time, load 4.7-5.9, one compile each): YNNPACK for element-wise
and reductions (`xla_cpu_experimental_ynn_fusion_type`) 1.14-1.34 with 2,326-2,432 fusions, steps 1.24-1.58x slower
and other numbers; XNNPACK greedy graph fusion 1.19; tiling propagation 1.18; copy insertion by region analysis 1.02;
JAX without full tracebacks in MLIR locations, or with JVP + partial evaluation for the gradient instead of direct
linearisation: no faster trace + lower (1.06x for the latter, 4 rounds). None lands.
Session 10, tried and not kept: the step as two programs, the loss and gradients (1,675 fusions) then the update
(175: the gradients' norm, flat Adam and the 165 per-leaf adds), the first call compiling them side by side on the
two cores (XLA releases the GIL). The state after 3 steps was the same to the bit. Against the one-program step
(both with nn.conv3's chunked weight gradient, 1,934 fusions), fresh processes, interleaved: first call 0.81x
(CPU 0.90; 22.0/20.4 s against 25.9/26.6 s, load 0.3-1.3), 0.89x (CPU 0.93; load 1.5-2.8) and 1.13x, i.e. slower
(load 3.1-3.7: each process has about one core, and the two compiles compete). It gains only with an idle second
core, costs two dispatches and the update's fusion into the backward pass on accelerators, and took train.py over
the layout's 600 lines, so the step stayed one program. Session 11 re-landed it on the CPU only (accelerators keep
one program), with the sharding half of train moved to `dist`: against the one-program step, 3 interleaved rounds
at load 4.3-5.6, first call CPU 0.90x, wall 0.95x (49.7 against 52.2 s), 1,759 + 175 fusions against 1,935; but
each call after costs 1.05x the CPU, 1.07x the wall (579 -> 609 CPU ms, 30 alternating calls in one process, load
5.1; the update alone 9-18 CPU ms for 0.76 M parameters, plus a second dispatch), which outweighs the first call's
gain past about 100 steps (the demo runs 200), so it is opt-in: `make_train_step(..., split=True)`.
nn.conv3's chunked weight gradient (session 10) added 83 fusions (about 3 XLA CPU s) for a 0.88-0.91x step: chunks
of 3 MiB instead of 768 KiB compile in 0.86x the XLA CPU (1,862 fusions) but step 1.11x the CPU, 1.17x the wall (7
interleaved rounds, load 1.5-1.8). In a two-program child's line, `xla` sums both programs' compiles, which overlap.
Session 11, in the loss: the texts' period pooled with the teacher's periods in one vmapped `TimePool` (the CLIP
term upsamples that pooled map at the texts' pixels, `Summary.at_pooled`, instead of pooling 3 x 3 windows per
text: one pooling traced and compiled fewer) and `vmf_large_kappa`'s proposal chain taken at once (argmax of the
accepted, not n selects; the same draws to the bit): gradients program 1,759 -> 1,667 fusions (LLVM kernels 1,179
-> 1,108). Old and new package in one process (`jax.clear_caches()` between, 4 alternating rounds, load 6.8-9.9):
trace + lower CPU s 0.79x (5.52 -> 4.38), the gradients' XLA compile CPU s 0.89x (26.4 -> 23.6; rounds 0.82-0.98);
the step after, 30 alternating calls: CPU 0.96x (644 -> 616 ms), wall 1.03x (load 9.4). Fresh processes, 3 rounds
at load 6.3-7.5: first call CPU 0.97x, wall 0.95x (too loaded to resolve). Losses of 2 steps identical, the third
within 1 ulp; the parameters after 3 steps within rounding (Adam's steps on near-zero gradients aside).
Kernels by package function after it (`--sources`, gradients program): nn.Norm 111, nn._shift3 106, stp.encode's
block slices 91, '?' 86 (mostly nn's chunked weight-gradient slices/transposes), decoders 76 (per decoder and layer:
gelu forward and backward, bias sums, a transposed copy; stacking the 7 decoders would add as many slice kernels as
it saves), TimePool.weights 46, losses.total_loss 33 (7 per-source recon divides forward and backward: each is an
aux output), example_terms 28. Considered, not done: the student's pooling in the teacher's vmap (would pool 9
wasted periods or double the logits), jnp.where's nested jit inlined (trace + lower CPU 1.02x, 4 rounds: none), a
parameter-free prep program (perturbation masks, vMF draws) compiled on the free core during the trace (about 80
kernels: needs a loss API split; not attempted in the time). Session 11's end (main c87417d, one program) against its
start (deecb3f): small gradients+update 1,935 -> 1,690 fusions (413 YNNPACK's); fresh processes, 2 rounds, load
3.5: first call 35.5 -> 33.9 s (CPU 0.96), still over 20 s; in one process (2 rounds, load 3.4) trace + lower CPU
0.91x, XLA compile CPU 0.92x, but the step per call 1.045x the CPU (639 -> 667 ms, 20 alternating calls); with
f826a03's nn.py (depthwise3's nine-output kernel-gradient reduction) against the one before it, all else main's:
step CPU 1.05x, wall 1.07x, XLA compile CPU 1.03x (1 round, 10 calls, load 1.6): a lead for the step's owner.
With `--inprocess ROUNDS --base PATH` (and `--rounds 0 --what ''` for it alone), the two packages are also compared
in one process (`inprocess`): on a shared machine the steadiest old/new ratio of the trace, the compile and the step.
Session 12, tiered compilation (the first call at backend optimisation level 0, the level-1 program compiled on a
thread and swapped in when ready, as JIT runtimes do): measured, not built, because the two levels do not give the
same numbers. `--rounds 2 --what step --configs after,level0 --tiers 3` (load 4.0-5.2): level 0's first call 25.7
and 21.4 s (17.4 and 16.8 CPU s; trace 5.4-6.3, lower 1.4-1.7, XLA 14.2 and 10.6 s) against level 1's 51.9 and 56.3
s (34.9 and 36.9 CPU s; XLA 42.0 and 46.4 s): first call 0.44x the wall, 0.48x the CPU, the same 1,843 fusions; but
each call after 2.29x the wall, 2.26x the CPU (one process, `--tiers`: 1,629 against 482 CPU ms a call; XLA compile
10.3 against 31.3 CPU s; tiny, load 4.0: 8.2 against 21.3 CPU s, then 457 against 123 CPU ms a call, 3.7x). At load
6-7, fresh processes: level 0 18.2 and 18.5 CPU s first call (XLA 10.9 and 9.6), 1.39-1.41 CPU s a call; level 1
33.9 and 42.5 CPU s (XLA 28.4 and 33.3), 0.47-0.56 CPU s a call. So level 0 alone would likely bring the first call
under 20 s near idle. Bit-identity (`--tiers 3`, one lowering compiled at both levels, the same optimised HLO text,
3 steps from one state): small, step 1's loss equal but 5 of 185 leaves differ (the consistency, uniformity and
landcover recon terms and Adam's moments, i.e. the gradients; the parameters do not move at the first step's
learning rate 0), from step 2 the loss too (0.91848552 against 0.91848558) and 150-151 leaves, by at most 1.3e-6;
tiny the same (losses equal over 3 steps, 5 then 107-110 of 135 leaves differ). The cause is FMA contraction:
XLA:CPU always allows LLVM to fuse a multiply and an add (TargetOptions.AllowFPOpFusion Fast, no XLA option), which
the x86 backend does at level 1; level 0's FastISel does not (a jitted `a * b + c` equals the unfused numbers at
level 0 and the fused at level 1). LLVM's `-fast-isel=false` makes level 0 fuse too, but only through
`XLA_FLAGS=--xla_backend_extra_options=-fast-isel=false` set before the backend starts (a map field: refused as a
per-compile option), and it is not enough: which multiply of `a * b + c * d` is fused still differs (likely level
1's instruction combining, which reorders operands): with the flag, nn._upsample_axis's two-tap blend (`bilinear` on
tiny's 4 x 16 x 16 x 32 maps) still differs in 49,081 of 131,072 outputs, tiny's forward in the encoder's features
and the embeddings, and its step as without the flag (the loss 1 ulp off at step 2). Every primitive of tiny's
forward jaxpr compiled on its own at both levels agrees to the bit (same flag): only fused kernels differ. LLVM's
`-fp-contract=off` is not registered in XLA's LLVM, and XLA:CPU exposes no switch for contraction, so no option
makes the tiers agree without changing level 1; a step's numbers would depend on when the background compile
finished, which breaks exact resume and sharded == single. Not landed; worth revisiting only if XLA:CPU gains a
contraction switch (both levels unfused, then measure level 1's cost).
Session 13: the first call of the step over 2 host CPU devices (data parallel, `AEF_CPU_DEVICES=2`) against one,
fresh processes with the cache off, batch 2: near idle (coordinator, load 1.1-1.5) tiny 19.5 against 17.5 s, small
23.6 and 18.7 against 20.5 and 21.4 s; at load 4.3-7.8 tiny 25-32 CPU s against 21-29, small 31-40 against 30-38
(figures in train_step.py): the partitioned program compiles in about the same time, so this script did not
learn a device count (`train_step.py --devices N` times a step and its first call over N devices).
Session 14: Python's cyclic garbage collector ("full GC" in each line: its generation-2 collections during the first
call). Tracing makes many objects that live to the end of the trace; each time they have grown by a quarter of the
long-lived ones the collector walks every tracked object, the ~290,000 made at import among them: 3 full collections,
0.63-0.80 s of the step's first call in a fresh process, 1 (0.17 s) in embed's. `core.gc_frozen` (`gc.freeze` on
entry, `gc.unfreeze` on exit) around the step's first call and embed's first trace: the step's full GC 0.7 -> 0.1 s,
lowering 1.2-1.3 -> 0.6 s; `--rounds 2 --what step,embed --configs after --base` (main before it; load 3.1-3.5): step
first call 33.5 -> 28.3 s (0.85, CPU 0.90; XLA's part noisy at that load), embed 12.1 -> 10.2 s (0.84, CPU 0.84);
the 10 calls after spent 0.002 s in the collector either way (nothing deferred); step per call in one process 1.02x
(same program; 10 alternating calls, load 3.0: noise). The losses, aux terms and state after 3 steps hash the same
before and after (1 device, and 2 host devices sharded). Also freezing and `gc.disable()` inside: full GC 0.21 ->
0.06-0.14 s (2 rounds, load 4-5), but the trace's cyclic garbage then waits for the next collection: not taken.
Session 14, trace sharing by nested jits, checked on jax 0.10.2 (a jitted body called 4 times with the same shapes
inside `jax.grad`): it is traced once (4 times without the jit), its linearisation reused, the StableHLO has one
function per distinct callee, and XLA:CPU inlines the calls: the same 19 fusions, no call left in the optimised HLO,
gradients equal to the bit. Session 12 shares what repeats with one signature (the unrolled blocks, the perturbation
drawn twice, the decoders' hidden layers). What else repeats differs in shape or batching: the 3 input projectors
(bands), the 7 decoders' first and last layers and reconstruction terms (metadata, outputs, channels), the time pooling
of the teacher (vmapped over 11 periods) and of the student (one period: a nested jit shares its jaxpr, but the
batching and linearisation are per signature). Python calls in the small step's trace + lower (a deterministic
figure; 6,498,570 on main): `TimePool`'s body under a nested jit 6,500,461 (+0.03%), the per-block parameter slices
under one nested jit 6,575,302 (+1.2%), `lax.index_in_dim` for them 6,494,531 (-0.06%): none lands. Where the trace
goes (cProfile of a warm trace + lower, 7.0 s with the profiler's overhead, about 3 s without): the forward pass under
linearisation 4.2 (encoder 1.6: the per-block slices 0.4, the shared block 0.3; `example_terms` 2.2: time pooling
0.7, vMF 0.37, the texts' field 0.32, decoders 0.2, reconstruction errors 0.18), the backward pass's transposition
1.1, the update 0.27, lowering 1.36. The duration events count a nested jit's trace inside its caller's too, so
"trace" overstates it: a fresh process's first `lower` of the step took 3.5-4.7 CPU s in all (load 1.8-3; 2.8-4.1
with the GC frozen).
Session 15 (`--configs after,NAME`: "mof" and "isel" set `XLA_FLAGS` in the child, `CONFIG_ENV`). XLA's sibling
multi-output fusion is no DebugOptions field in jaxlib 0.10.2 (neither XLA_FLAGS nor a per-compile option takes
`xla_cpu_use_multi_output_fusion`): it is a backend extra option,
`XLA_FLAGS=--xla_backend_extra_options=xla_cpu_use_multi_output_fusion`, read when the CPU backend starts (a CLI would
set it before JAX's first computation, as `core.split_cpu` sets the device count). It merges same-shape siblings (the
per-leaf parameter adds among them): 1,843 -> 1,521 fusions, but the first call took 1.45x the wall, 1.12x the CPU
(XLA 30.4 -> 49.3 s wall; 2 rounds, load 3.2-5.9) and 1.15x / 1.05x in a second run (2 rounds, load 2.4-4.4), where
the step per call took 1.18x the wall, 1.16x the CPU (15 calls a process; 0.82x the CPU in the first run's 5: noise);
the 3 steps' losses equal to main's, the aux terms and the state not to the bit. LLVM's FastISel at level 1
(`-fast-isel`): first call 1.47x the wall, 1.02x the CPU, each call 1.40x the CPU (2 rounds, load 2.7-4.1). The
blocks' parameters unstacked (a tuple of two blocks, in one process, 2 alternating rounds, load 5.0-5.5): 1,843 ->
1,818 fusions (34 forward slices and 55 pad + add gradient kernels gone, 58 more per-leaf adds), XLA compile CPU
0.99x, trace + lower 1.05x, the 3 steps' losses and state equal to the bit: not worth a second checkpoint layout. Each
stacked leaf split once (`lax.split`, whose transpose is a concatenate instead of a pad and an add per block): the 55
pad + add kernels go but 91 concatenate kernels come (XLA does not merge them into the flat Adam vector's
concatenation through its reshape): 1,881 fusions, dropped. Outside the first call (what `fit` pays before it):
`init_state` made Adam's state leaf by leaf and copied the model with `jnp.array`, an XLA compile per distinct shape
(small: 104 compiles, 1.6-2.2 CPU s); it now copies buffers (`device_put(may_alias=False)`) and runs `optimizer.init`
as one jitted program on one device: 0.09-0.13 CPU s (3 rounds, fresh processes, load 2.0-2.4; 'tree' layout 4.5 ->
1.5 CPU s). Building the model (nn's `host_normal` and friends use `jnp.asarray`, a compile per shape) is 63 compiles,
1.6-2.4 s (84 before `stacked_blocks`' device_put). The step's losses, aux terms and state after 3 steps hash the same
as before it (d8556ca). Where XLA's part went in one process (`TF_CPP_VMODULE=hlo_pass_pipeline=1,cpu_compiler=1`,
load 2-3): HLO passes 4.66 s on one thread (the simplification pipelines 2.8 and 1.5 s: algsimp 0.73, simplification
0.92; copy insertion 0.77, layout assignment 0.59, fusion 0.38), then 23 s of wall for the LLVM kernels: the kernel
count is still the lever (of the kLoop kernels by content: 165 per-leaf adds, 55 pad + add and 34 slices of the
stacked block parameters, 48 slice + transpose copies of nn.conv3's chunked weight gradient, 48 pad + slice of
nn.depthwise3). Landed (487f0ef): the stacked block parameters split once per leaf as one flat vector (`lax.split`)
and the flat Adam's `lax.cond` taking the gradients' concatenation instead of the gradients: that concatenation
absorbs the blocks' gradients (session 12's `lax.split` left them as concatenate kernels because the cond took the
leaves): 1,843 -> 1,798 fusions, trace + lower 6.46 M -> 6.35 M Python calls, the 3 steps' losses, aux terms and state
bit-identical. In one process (`--inprocess 3`, load 2.6-3.3): XLA compile CPU 0.89x (rounds 1.07, 0.84, 0.94), trace
+ lower 0.84x, step per call CPU 0.985x. Fresh processes near idle (`--configs after --base`, load 1.0-1.6), two runs
of 2 rounds: first call 1.19x the wall (CPU 1.18) in the first, 0.93x (CPU 0.94) in the second (new 17.9 and 20.4 s
against 20.9 and 20.2 s); trace + lower and compile alone, 5 alternating pairs at load 0.8-1.5: medians 3.78 -> 4.18
and 23.4 -> 23.0 CPU s: the ~2% the kernel count predicts is below this machine's noise. The first layer's weight of
each decoder split the same way (`w[:n_in]`, `w[n_in:]`): its 7 pad + add kernels go but its 7 forward slices become
kernels (1,798 either way): dropped.
Session 15 (kernels), where the two groups of 48 come from (the optimised HLO of small's step, fusions by op_name and
consumer; 1,798 fusions at 58e369f): nn.depthwise3's 48 pad + slice kernels are its backward pass's shifted inputs
(`_shifted_sums`, channels > `TAP_SUMS_MAX_C`: 8 shifts x 3 depthwise layers x 2 blocks, op_name
`jvp(jit(block))/slice` because XLA's CSE merges them with the forward's slices): each is written out only because
its one consumer is a YNNPACK multiply + reduce-sum fusion, which takes no pad or slice producer. The nine products
stacked and summed by one reduction (`jnp.sum(jnp.stack(products), ..., dtype=float32)`): 1,798 -> 1,735 fusions,
the 3 steps' losses equal to print precision but the state's hash differs (YNNPACK sums in another order), and in one
process against main (`--inprocess 2`, load 1.2-1.5) XLA compile CPU 1.03x (rounds 0.84, 1.29), trace + lower 1.01x,
step per call 1.015x the CPU, 1.03x the wall (20 alternating calls): 63 fewer kernels bought nothing here; dropped,
as the nine-output `_tap_sums` before it (the same reason). nn.conv3's are 64 transpose copies (plus 4 of the
weights) feeding its chunked weight gradient's YNNPACK convolutions: per chunk of 8 frames, x as [h, w, n, i] and the
output gradient as [o, h, w, n] (the convolution's batch and feature swapped, which YNNPACK wants physically
major-to-minor); the strided chunk slice is already fused into that copy, so a single transpose before chunking
would leave a slice kernel per chunk instead: intrinsic to the convolution form of the weight gradient, left alone.
Landed instead: stp's position table `0.02 * host_normal(...)` compiled an XLA multiply at model build; now
`host_normal(..., scale=0.02)` multiplies in float32 numpy (the same bits as XLA's product: tests/test_nn_host.py,
model hash equal): small's build 5 -> 4 XLA compiles, 0.232 -> 0.200 s of XLA compile, CPU 0.431 -> 0.400 s (3
alternating fresh processes, load 0.9-1.0). Of the 4 left, the caller's `PRNGKey` makes 2 (seed, stage); the other
2 (`_threefry_split` and `unstack`, ~0.17 s) are summary.py:170's `jax.random.split` of a concrete key, where
`nn.split` would draw on the host: left to summary's owner (it changes the draws, so the model's weights).
Session 16 (random numbers; 1,798 fusions at cad83c1): the 133 u32/s32 `copy` instructions of small's compiled step
are no kernels (not in the `?` group: that is the 165 per-leaf adds, 71 conv3 transpose copies and a few others) but
the loop-carried state of 22 threefry while loops (on the CPU `jax.random` runs each call's 20 rounds as a 5-trip loop,
converted to a call: per call 2 kernels in the body, ~3 entry kernels, ~6 copies of the rotation constants, counter
and words): `jax.random.fold_in` of the step key, `split` per batch and per example, and in `losses.perturb` a
`fold_in` + `uniform` per family and per source plus `choice` (itself a `searchsorted` while loop), and a `fold_in` per
target in `example_terms`. Landed: the same draws from fewer calls, bit for bit (the partitionable layout: `split(k,
n)[i] == fold_in(k, i)`, and draw j of `uniform(k, (T,))` depends on j alone, so a scalar draw is the first of T):
perturb's keys in one vmapped `fold_in` over (key, i) pairs, all its uniforms in one vmapped `uniform(k, (T_max,))`,
`choice`'s index as the count of cumulative probabilities below its draw (what searchsorted returns on sorted sums),
the 7 target keys in one vmapped `fold_in`; `clip_loss`'s diagonal and `source_error`'s label log-probability as
masked sums (their gradients selects, not scatter-add while loops). 22 -> 7 threefry loops, 27 -> 9 loops in all,
entry copies 133 -> 29 (u32/s32 ones 133 -> 9 in the first trial), fusions 1,798 -> 1,740; losses, aux terms and the
whole state after 3 steps hash equal to cad83c1 (tests/test_losses.py checks `perturb` against the old calls over 400
keys, bit for bit). In one process (`--inprocess 3`, load 4.6-8.2): XLA compile CPU 0.952x (rounds 0.91, 0.90, 0.97;
29.1 -> 27.7 s), step per call CPU 0.967x (480 -> 464 ms), wall 0.907x (30 alternating calls); trace + lower alone, 4
alternating rounds (load 5.2-6.6): 0.922x CPU (5.14 -> 4.73 s; `--inprocess`'s own trace + lower figure, 1.057x,
was within its noise: rounds 1.09, 1.13, 0.86). Fresh processes (`--configs after --rounds 2 --what step --base`,
load 5.6-7.1): first call 0.95x the wall, 0.94x the CPU (30.0 and 30.5 against 31.4 and 32.6 CPU s), per call CPU 0.97.
At model build, `Summary.__init__`'s `jax.random.split` of a concrete key (2 XLA compiles) became
`summary.threefry_fold_in(key, 0)` and `(key, 1)`: the hash's 20 rounds in numpy on the host, the same keys
(12_summary checks 256 raw keys and typed ones against `jax.random`), model hashes equal (small and tiny, raw and typed
keys); a fresh build with a typed key 8 -> 7 compiles (the other 6 are `nn.split`'s `unstack` of typed keys: nn's).
Tried and dropped: (1) every `jax.random` call of the step as the unrolled elementwise hash (as `threefry_bits`): no
loop left (1,703 fusions, 9 copies) and bit-identical, but XLA fused the hash, and the chain of hashes before it, into
each consumer (u32 instructions in fusions 792 -> 4,947, all fused instructions 21,540 -> 25,651: the frame masks
computed the whole chain per pixel), XLA compile CPU 1.016x (rounds 0.98, 1.09, 1.02; load 2.7-5.8);
`lax.optimization_barrier` between the hashes does not hold: XLA:CPU expands the barriers before fusion (0 left in the
optimised HLO, 4,221 u32 instructions). (2) lead 3, caching `init_state`'s jitted `optimizer.init` per optimiser:
JAX's own cache already serves it (small: first call 0.095 CPU s with one compile, the next two 0.03 s with none); a new
optimiser object from the same config compiles again (0.2 s), once per `fit`: left. (3) `Upsample.at`'s window
(pad + `dynamic_slice`, whose gradient is a 16-trip scatter-add while loop) as two masked sums: bit-identical state,
loops 9 -> 8, copies 29 -> 28, but fusions 1,740 -> 1,742: dropped. Not tried: the 165 per-leaf adds (session 9: a flat
add then a split gives the same kernels), `Summary.at_pooled`'s `dynamic_slice` gradient (the other scatter-add loop:
it accumulates overlapping windows, so another form would change the summation order).
Session 17 (an Intel Xeon VM with AMX, 2 cores shared with four other helpers' tests, load 7.4-10.1): `--configs
after --rounds 2 --what step,embed --reps 3`: small's step first call 48.0 and 58.2 s wall at 20.2 and 22.1 CPU s
(trace 3.0 / 5.8 s, lower 1.0 / 1.2, XLA 41.5 / 49.2 s wall; 1,740 fusions, 504 YNNPACK's), then 425-465 CPU ms a
call; embed 34.2 and 20.5 s at 11.4 and 11.3 CPU s. Too loaded to tell the idle wall time against the 20 s goal (AMD
Zen 4 near idle, session 16: 19.7-22.7 s); the CPU seconds match that machine's. The "Not tried" lead above, the 165
per-leaf adds: the parameters packed in one vector across steps (benchmarks/packed_step.py, both programs lowered
and compiled in one process, both orders, load 6.5-9.7): small 1,740 -> 1,624 fusions, XLA compile CPU 0.977x and
0.918x (17.0 -> 16.6, 18.0 -> 16.6 s), tiny 1,339 -> 1,240, 0.946x and 1.026x; bit-identical. About 0.9 of small's
~20 CPU s: not landed (a new TrainState layout for it). XLA:CPU's oneDNN options: benchmarks/xla_options.py.
Figures only: nothing here is asserted.
"""
import argparse
import collections
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# name: (AEF_FAST_COMPILE, optimiser layout, core.FAST_STEP override or None); each is compared with the one
# before it and with the first
CONFIGS = {"before": ("0", "tree", None), "o1": ("1", "flat", "{}"),
           "s5": ("1", "flat", '{"xla_cpu_use_fusion_emitters": false, "xla_cpu_parallel_codegen_split_count": 2}'),
           "after": ("1", "flat", None), "level0": ("1", "flat", '+{"xla_backend_optimization_level": 0}'),
           "mof": ("1", "flat", None), "isel": ("1", "flat", None)}
# configurations that also set environment variables of the child (read by XLA when its backend starts)
CONFIG_ENV = {"mof": {"XLA_FLAGS": "--xla_backend_extra_options=xla_cpu_use_multi_output_fusion"},
              "isel": {"XLA_FLAGS": "--xla_backend_extra_options=-fast-isel"}}
EMBED_CONFIGS = ("before", "after")  # the optimiser and FAST_STEP play no part in embedding
EVENTS = {"trace": "/jax/core/compile/jaxpr_trace_duration", "lower": "/jax/core/compile/jaxpr_to_mlir_module_duration",
          "xla": "/jax/core/compile/backend_compile_duration", "load": "/jax/compilation_cache/cache_retrieval_time_sec"}
HIT = "/jax/compilation_cache/cache_hits"


def _timed(fn):
    "(wall s, CPU s) of `fn()`, which must block."
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t, time.process_time() - c


def kernel_sources(text: str) -> collections.Counter:
    "The compiled program's LLVM kernels (loop fusions of the entry computation) counted by the innermost package "
    "function in each one's stack trace (`?`: none, e.g. the parameter update's adds under `eqx.apply_updates`)."
    tables, cur = {}, None
    for l in text.splitlines():
        if l in ("FileNames", "FunctionNames", "FileLocations", "StackFrames"): cur = tables.setdefault(l, {})
        elif cur is not None and re.match(r"\d+ ", l): cur[int(l.split(" ", 1)[0])] = l.split(" ", 1)[1]
    if len(tables) < 4: return collections.Counter()
    ids = lambda v: {k: int(n) for k, n in re.findall(r"(\w+)=(\d+)", v)}
    locs = {i: (tables["FileNames"][d["file_name_id"]].strip('"'), tables["FunctionNames"][d["function_name_id"]].strip('"'))
            for i, d in ((i, ids(v)) for i, v in tables["FileLocations"].items())}
    frames = {i: (d["file_location_id"], d["parent_frame_id"]) for i, d in
              ((i, ids(v)) for i, v in tables["StackFrames"].items())}
    def source(frame):
        seen = set()
        while frame in frames and frame not in seen:
            seen.add(frame)
            (file, fn), frame = locs[frames[frame][0]], frames[frame][1]
            if "alphaearth_nb" in file: return f"{Path(file).stem}.{fn.replace('.<locals>', '')}"
        return "?"
    entry = text[text.index("\nENTRY"):]
    return collections.Counter(source(int(m.group(1)) if m else -1) for l in entry.splitlines()
                               if " fusion(" in l and "kind=kLoop" in l
                               for m in [re.search(r"stack_frame_id=(\d+)", l)])


def child(what: str, preset_name: str, layout: str, reps: int, opts: str | None = None) -> dict:
    "Measure in this (fresh) process; returns the figures as a dict."
    import jax
    from alphaearth_nb import core, losses, samples, scene
    if core.compile_cache() is None: jax.config.update("jax_enable_compilation_cache", False)  # AEF_COMPILE_CACHE
    if opts: core.FAST_STEP = {**core.FAST_STEP, **json.loads(opts[1:])} if opts[0] == "+" else json.loads(opts)
    spent, hits = {k: 0.0 for k in EVENTS}, [0]
    def listen(event, secs, **kw):
        for k, name in EVENTS.items():
            if event == name and listening[0]: spent[k] += secs
    def count(event, **kw):
        if event == HIT and listening[0]: hits[0] += 1
    listening = [False]
    jax.monitoring.register_event_duration_secs_listener(listen)
    import gc
    gc_start = [0.0]
    def collected(phase, info):  # Python's full (generation 2) collections during the first call
        if not (listening[0] and info["generation"] == 2): return
        if phase == "start": gc_start[0] = time.perf_counter()
        else: spent["gc"] = spent.get("gc", 0.0) + time.perf_counter() - gc_start[0]
    gc.callbacks.append(collected)
    jax.monitoring.register_event_listener(count)
    from alphaearth_nb.model import AlphaEarth, preset
    stack, texts, _ = scene.load_scene()
    cfg = preset(preset_name)
    model = AlphaEarth(cfg, key=jax.random.PRNGKey(0))
    if what == "step":
        from alphaearth_nb.train import TrainConfig, init_state, make_optimizer, make_train_step
        sampler = samples.sampler_config(cfg, preset_name if preset_name in samples.SAMPLERS else None)
        batch = jax.device_put(samples.Batches(stack, sampler, 2, seed=0, texts=texts).batch_at(0))
        opt = make_optimizer(TrainConfig(steps=1_000, warmup=10, batch_size=2), layout)
        step, box = make_train_step(losses.total_loss, opt), [init_state(model, opt)]
        def run():
            box[0], loss, _ = step(box[0], batch)
            loss.block_until_ready()
    else:
        import numpy as np
        from alphaearth_nb.embed import embed, model_spec
        year = int(np.datetime64(stack["sentinel2"].time.values[0], "Y").astype(int) + 1970)
        _, inputs, targets, _ = model_spec(model)  # a preset that knows fewer sources (tiny) embeds its own only
        crop = stack.isel(y=slice(0, 64), x=slice(0, 64))
        crop = crop.drop_nodes([n for n in crop.children if n not in (*inputs, *targets)])
        def run(): embed(crop, model, year, progress=False).values
    listening[0] = True
    first = _timed(run)
    listening[0] = False
    later = [_timed(run) for _ in range(reps)]
    kernels = None
    if what == "step":  # the compiled programs again (JAX's in-memory cache: no second compile): their fusions
        lowered = step.lower(box[0], batch) if hasattr(step, "lower") else [step.jitted.lower(batch, box[0])]
        texts = [l.compile().compiled.as_text() for l in lowered]  # a --base before the two programs: one
        kernels = (sum(len(re.findall(r" fusion\(", t)) for t in texts),
                   sum(len(re.findall(r"%[yx]nn_fusion[\w.\-]* = ", t)) for t in texts),
                   sum(map(kernel_sources, texts), collections.Counter()).most_common(12))
    return {"first_s": first[0], "first_cpu_s": first[1], "gc_s": spent.pop("gc", 0.0),
            **{f"{k}_s": v for k, v in spent.items()}, "hits": hits[0],
            "kernels": kernels,
            "run_ms": 1e3 * statistics.median(w for w, _ in later),
            "run_cpu_ms": 1e3 * statistics.median(c for _, c in later), "load": os.getloadavg()[0]}


def interleaved(preset_name: str, reps: int, rounds: int = 6) -> None:
    "The step's run time compiled three ways in this process, calls alternated: the fairest run-time ratios."
    import jax
    from alphaearth_nb import core, losses, samples, scene
    from alphaearth_nb.model import AlphaEarth, preset
    from alphaearth_nb.train import TrainConfig, init_state, make_optimizer, make_train_step
    stack, texts, _ = scene.load_scene()
    cfg = preset(preset_name)
    model = AlphaEarth(cfg, key=jax.random.PRNGKey(0))
    sampler = samples.sampler_config(cfg, preset_name if preset_name in samples.SAMPLERS else None)
    batch = jax.device_put(samples.Batches(stack, sampler, 2, seed=0, texts=texts).batch_at(0))
    opt = make_optimizer(TrainConfig(steps=1_000, warmup=10, batch_size=2))
    old = os.environ.get("AEF_FAST_COMPILE")
    os.environ["AEF_FAST_COMPILE"] = "0"  # the jitted step carries no options: each compile below sets its own
    try: low = make_train_step(losses.total_loss, opt).jitted.lower(batch, init_state(model, opt))
    finally:
        if old is None: os.environ.pop("AEF_FAST_COMPILE")
        else: os.environ["AEF_FAST_COMPILE"] = old
    opts = {"default": {}, "o1": dict(core.FAST_COMPILE), "after": {**core.FAST_COMPILE, **core.FAST_STEP}}
    progs = {k: low.compile(compiler_options=o) for k, o in opts.items()}
    boxes = {k: [init_state(model, opt)] for k in progs}
    times = {k: [] for k in progs}
    for r in range(rounds):
        for k, prog in (progs.items() if r % 2 == 0 else reversed(progs.items())):
            def run():
                boxes[k][0], loss, _ = prog(batch, boxes[k][0])
                loss.block_until_ready()
            for i in range(reps):
                t = _timed(run)
                if r or i: times[k].append(t)  # the first call of each program is a warm-up
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in times.items()}
    print(f"step run time, three programs in one process, {rounds} alternating rounds of {reps} calls: "
          + ", ".join(f"{k} {w * 1e3:.0f} ms ({c * 1e3:.0f} CPU ms)" for k, (w, c) in med.items()) + "; "
          + ", ".join(f"{k}/default {med[k][0] / med['default'][0]:.2f} (CPU {med[k][1] / med['default'][1]:.2f})"
                      for k in ("o1", "after"))
          + f"; after/o1 {med['after'][0] / med['o1'][0]:.2f} (CPU {med['after'][1] / med['o1'][1]:.2f}); "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)

def tiers(preset_name: str, steps: int, reps: int) -> None:
    "The step lowered once and compiled at XLA:CPU's backend optimisation levels 0 and 1 (on top of the package's "
    "options), in this process: compile and per-call CPU seconds, and whether `steps` steps from the same state give "
    "the same loss, aux terms and state to the bit (tiered compilation needs them to)."
    import jax
    import numpy as np
    from alphaearth_nb import losses, samples, scene
    from alphaearth_nb.model import AlphaEarth, preset
    from alphaearth_nb.train import TrainConfig, init_state, make_optimizer, make_train_step
    jax.config.update("jax_enable_compilation_cache", False)
    stack, texts, _ = scene.load_scene()
    cfg = preset(preset_name)
    model = AlphaEarth(cfg, key=jax.random.PRNGKey(0))
    sampler = samples.sampler_config(cfg, preset_name if preset_name in samples.SAMPLERS else None)
    bs = samples.Batches(stack, sampler, 2, seed=0, texts=texts)
    batches = [jax.device_put(bs.batch_at(i)) for i in range(max(steps, reps))]
    opt = make_optimizer(TrainConfig(steps=1_000, warmup=2, batch_size=2))
    step = make_train_step(losses.total_loss, opt)
    low = step.jitted.lower(batches[0], init_state(model, opt))
    runs = {}
    for level in (0, 1):
        t, c = time.perf_counter(), time.process_time()
        prog = low.compile(compiler_options={"xla_backend_optimization_level": level})  # on top of the jit's
        t, c = time.perf_counter() - t, time.process_time() - c
        state, out, times = init_state(model, opt), [], []
        for i in range(max(steps, reps + 1)):
            w0, c0 = time.perf_counter(), time.process_time()
            state, loss, aux = prog(batches[i % len(batches)], state)
            jax.block_until_ready(loss)
            if i: times.append((time.perf_counter() - w0, time.process_time() - c0))
            if i < steps: out.append(jax.device_get((loss, aux, state)))
        runs[level] = out
        wall, cpu = (1e3 * statistics.median(x[i] for x in times) for i in (0, 1))
        print(f"level {level}: XLA compile {t:.1f} s ({c:.1f} CPU s); then {wall:.0f} ms ({cpu:.0f} CPU ms) per call; "
              f"load {os.getloadavg()[0]:.1f}", flush=True)
    names = [jax.tree_util.keystr(k) for k, _ in jax.tree_util.tree_flatten_with_path(runs[0][0])[0]]
    for i, (a, b) in enumerate(zip(runs[0], runs[1])):
        diff = [(n, float(np.max(np.abs(np.asarray(x, np.float64) - np.asarray(y)))))
                for n, x, y in zip(names, jax.tree.leaves(a), jax.tree.leaves(b))
                if np.asarray(x).tobytes() != np.asarray(y).tobytes()]
        print(f"step {i + 1}: loss {float(a[0])!r} (level 0) {'==' if float(a[0]) == float(b[0]) else '!='} "
              f"{float(b[0])!r} (level 1); {len(diff)} of {len(names)} leaves differ, at most by "
              f"{max((d for _, d in diff), default=0):.3g}" + ("".join(f", {n}" for n, _ in diff[:5])),
              flush=True)


ROOT = Path(__file__).resolve().parent.parent


def inprocess(base: str, preset_name: str, rounds: int, calls: int) -> None:
    "This checkout's package against `base`'s in one process (base copied as `alphaearth_base`: the package imports "
    "itself relatively): the gradients program's trace + lower and XLA compile CPU s in alternating rounds "
    "(`jax.clear_caches()` between), then the step's run time in alternating calls; steadier than fresh processes on "
    "a loaded machine, for the step as it runs on the CPU (`step.lower`'s first program)."
    import importlib
    import shutil
    import jax
    tmp = tempfile.mkdtemp(prefix="aef-base-")
    shutil.copytree(Path(base).resolve() / "alphaearth_nb", Path(tmp) / "alphaearth_base")
    sys.path.insert(0, tmp)
    jax.config.update("jax_enable_compilation_cache", False)
    pk = {}
    for name in ("alphaearth_base", "alphaearth_nb"):
        mod = lambda m: importlib.import_module(f"{name}.{m}")
        stack, texts, _ = mod("scene").load_scene()
        cfg = mod("model").preset(preset_name)
        sampler = mod("samples").sampler_config(cfg, preset_name if preset_name in mod("samples").SAMPLERS else None)
        batch = jax.device_put(mod("samples").Batches(stack, sampler, 2, seed=0, texts=texts).batch_at(0))
        T = mod("train")
        opt = T.make_optimizer(T.TrainConfig(steps=1_000, warmup=10, batch_size=2))
        pk[name] = (mod("losses").total_loss, T, mod("model").AlphaEarth(cfg, key=jax.random.PRNGKey(0)), batch, opt)
    lower = lambda step, state, batch: (step.lower(state, batch)[0] if hasattr(step, "lower")
                                        else step.jitted.lower(batch, state))
    res = {k: ([], []) for k in pk}
    order = lambda r: list(pk) if r % 2 == 0 else list(pk)[::-1]
    for r in range(rounds):
        for name in order(r):
            loss, T, model, batch, opt = pk[name]
            jax.clear_caches()
            step, state = T.make_train_step(loss, opt), T.init_state(model, opt)
            c = time.process_time(); low = lower(step, state, batch); res[name][0].append(time.process_time() - c)
            c = time.process_time(); low.compile(); res[name][1].append(time.process_time() - c)
            print(f"round {r} {name}: trace + lower {res[name][0][-1]:.2f} CPU s, XLA compile {res[name][1][-1]:.2f} "
                  f"CPU s; load {os.getloadavg()[0]:.1f}", flush=True)
    med, (bt, bx), (nt, nx) = statistics.median, res["alphaearth_base"], res["alphaearth_nb"]
    print(f"in one process, new/base: trace + lower CPU {med(nt) / med(bt):.3f} ({med(bt):.2f} -> {med(nt):.2f} s), "
          f"XLA compile CPU {med(nx) / med(bx):.3f} ({med(bx):.2f} -> {med(nx):.2f} s; rounds "
          f"{', '.join(f'{n / b:.2f}' for b, n in zip(bx, nx))}); load {os.getloadavg()[0]:.1f}", flush=True)
    steps = {k: [T.make_train_step(loss, opt), T.init_state(model, opt), []] for k, (loss, T, model, _, opt) in
             pk.items()}
    def call(s, batch):  # [step, state, times]: one call, the state replaced
        s[1] = s[0](s[1], batch)[0]
        jax.block_until_ready(s[1])
    for r in range(calls + 2):
        for name in order(r):
            t = _timed(lambda: call(steps[name], pk[name][3]))
            if r >= 2: steps[name][2].append(t)  # two warm-up calls each
    (bw, bc), (nw, nc) = [(med(w for w, _ in steps[k][2]), med(c for _, c in steps[k][2])) for k in pk]
    print(f"step per call new/base, {calls} alternating calls: wall {nw / bw:.3f} ({1e3 * bw:.0f} -> "
          f"{1e3 * nw:.0f} ms), CPU {nc / bc:.3f} ({1e3 * bc:.0f} -> {1e3 * nc:.0f} ms); load {os.getloadavg()[0]:.1f}", flush=True)


def _measure(what: str, name: str, a, cache: str | None = None) -> dict | None:
    "One configuration's figures from a fresh child process (None if it failed); `cache`: the persistent cache's "
    "folder; a name ending in '@base' imports the package from `--base`."
    name, at_base = name.removesuffix("@base"), name.endswith("@base")
    fast, layout, opts = CONFIGS[name]
    root = Path(a.base).resolve() if at_base else ROOT
    env = {**os.environ, "AEF_COMPILE_CACHE": cache or "0", "AEF_FAST_COMPILE": fast,
           "PYTHONPATH": f"{root}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", **CONFIG_ENV.get(name, {})}
    cmd = [sys.executable, __file__, "--child", what, "--preset", a.preset, "--layout", layout,
           "--reps", str(a.reps)] + (["--opts", opts] if opts else [])
    out = subprocess.run(cmd, env=env, capture_output=True, text=True)
    line = [l for l in out.stdout.splitlines() if l.startswith("RESULT ")]
    if out.returncode or not line:
        print(f"{what} {name}: failed\n{out.stderr[-2000:]}")
        return None
    return json.loads(line[0][7:])


def _line(label: str, d: dict | None) -> None:
    if d is None: return
    load = f"cache load {d['load_s']:4.1f} s, {d['hits']} hits" if d["hits"] else f"XLA {d['xla_s']:4.1f} s"
    if d.get("kernels"): load += f"; {d['kernels'][0]} fusions, {d['kernels'][1]} of them YNNPACK's"
    print(f"{label}: first call {d['first_s']:5.1f} s ({d['first_cpu_s']:5.1f} CPU s; trace {d['trace_s']:4.1f}, "
          f"lower {d['lower_s']:3.1f}, full GC {d.get('gc_s', 0):3.1f}, {load}); then {d['run_ms']:6.0f} ms "
          f"({d['run_cpu_ms']:6.0f} CPU ms) per call; "
          f"load {d['load']:.1f}", flush=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="small")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--what", default="step,embed", help="what to compile cold: step, embed (comma-separated; '' none)")
    ap.add_argument("--interleave", action="store_true", help="also time the step compiled three ways in one process")
    ap.add_argument("--configs", default="", help="only these configurations (comma-separated; default all)")
    ap.add_argument("--cache", action="store_true",
                    help="also with the persistent cache on: 'after' in two fresh processes sharing a new cache folder")
    ap.add_argument("--base", default=None,
                    help="a checkout of the package as it was (e.g. /work/main): each configuration also runs with "
                         "its code, as NAME@base, interleaved with this checkout's")
    ap.add_argument("--inprocess", type=int, default=0, metavar="ROUNDS",
                    help="with --base: this checkout's package against the base's in one process, ROUNDS alternating "
                         "compiles and 10x ROUNDS alternating step calls (see `inprocess`)")
    ap.add_argument("--sources", action="store_true",
                    help="after each step line, its LLVM kernels counted by the package function they come from")
    ap.add_argument("--tiers", type=int, default=0, metavar="STEPS",
                    help="the step at backend optimisation levels 0 and 1 in this process: compile, per call, and "
                         "whether STEPS steps agree to the bit (see `tiers`)")
    ap.add_argument("--child", choices=["step", "embed"], help=argparse.SUPPRESS)
    ap.add_argument("--layout", default="flat", help=argparse.SUPPRESS)
    ap.add_argument("--opts", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    from alphaearth_nb import core   # this checkout's, or in a child with --base the base's (older: no keep_heap)
    heap = getattr(core, "keep_heap", lambda: False)()  # as `aef` and `fit` do, before JAX runs (children too)
    if a.child:
        print("RESULT " + json.dumps(child(a.child, a.preset, a.layout, a.reps, a.opts)), flush=True)
        return
    import jax
    print(f"jax {jax.__version__}, {os.cpu_count()} CPU cores; preset {a.preset}, batch 2 (step), 64 x 64 px (embed); "
          f"persistent cache off; heap kept {heap} (core.keep_heap, in each child too; AEF_KEEP_HEAP=0 off); "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    if a.interleave: interleaved(a.preset, a.reps)
    if a.tiers: tiers(a.preset, a.tiers, a.reps)
    if a.inprocess and a.base: inprocess(a.base, a.preset, a.inprocess, 10 * a.inprocess)
    whats = [w for w in a.what.split(",") if w]
    names = {w: [c for c in (EMBED_CONFIGS if w == "embed" else CONFIGS)
                 if c in a.configs.split(",") or not a.configs and c not in CONFIG_ENV]
             for w in whats}
    if a.base: names = {w: [n for c in ns for n in (f"{c}@base", c)] for w, ns in names.items()}
    rows = {(w, c): [] for w in whats for c in names[w]}
    for r in range(a.rounds):
        for what in whats:
            for name in (names[what] if r % 2 == 0 else names[what][::-1]):
                d = _measure(what, name, a)
                if d: rows[(what, name)].append(d)
                _line(f"round {r} {what:5s} {name:11s}", d)
                if a.sources and d and d.get("kernels") and len(d["kernels"]) > 2:
                    print("    LLVM kernels by package function: "
                          + ", ".join(f"{k} {n}" for k, n in d["kernels"][2]), flush=True)
    if a.cache:  # the package's defaults with the persistent cache on, in a folder of its own: written, then read
        for what in whats:
            with tempfile.TemporaryDirectory(prefix="aef-compile-cache-") as folder:
                for label in ("cache, cold (writes) ", "cache, second process"):
                    _line(f"{what:5s} {label}", _measure(what, "after", a, cache=folder))
    med = lambda rs, k: statistics.median(d[k] for d in rs)
    for what in whats:
        for prev, name in zip(names[what], names[what][1:]):
            for ref in dict.fromkeys([prev, names[what][0]]):
                b, n = rows[(what, ref)], rows[(what, name)]
                if not (b and n): continue
                print(f"{what} {name}/{ref}: first call {med(b, 'first_s'):.1f} s -> {med(n, 'first_s'):.1f} s "
                      f"(ratio {med(n, 'first_s') / med(b, 'first_s'):.2f}; CPU "
                      f"{med(n, 'first_cpu_s') / med(b, 'first_cpu_s'):.2f}); per call {med(b, 'run_ms'):.0f} -> "
                      f"{med(n, 'run_ms'):.0f} ms (ratio {med(n, 'run_ms') / med(b, 'run_ms'):.2f}; CPU "
                      f"{med(n, 'run_cpu_ms') / med(b, 'run_cpu_ms'):.2f}); XLA compile {med(b, 'xla_s'):.1f} -> "
                      f"{med(n, 'xla_s'):.1f} s; load average {os.getloadavg()[0]:.1f}")
    print("goal: the first step of small and the first embed call under 20 s on 2 (idle) cores")

if __name__ == "__main__":
    main()
