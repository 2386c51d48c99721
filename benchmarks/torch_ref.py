"""A straightforward PyTorch re-implementation of one AlphaEarth training step, for timing side by side with ours.

    .venv/bin/python benchmarks/train_step.py --torch      # times it in the same run as the JAX step

Same widths and FLOP-relevant shapes as `alphaearth_nb` for a `ModelConfig` (per-source projectors, the STP blocks with
space / time attention, the precision convolutions and the pyramid exchange, the output head, the time pooling and
learned upsampling per summary period, the vMF bottleneck, one MLP decoder per target, the text head, the four losses,
AdamW), written the way one would in PyTorch: `nn.Linear`, `nn.LayerNorm`, `nn.Conv2d`,
`F.scaled_dot_product_attention`, `F.interpolate`, `torch.distributions.Beta`, eager mode, default threads. Numerics
are close to ours but not identical (no shared weights): it is a timing reference, nothing else. PyTorch is not a
dependency of the package: `pip install torch --index-url https://download.pytorch.org/whl/cpu` (the `bench` extra).
"""
import math
import statistics
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

LEVELS = (16, 8, 2)
SEASONS = (365.25, 182.625, 121.75, 91.3125)
SPANS = tuple(float(2**k) for k in range(11))
K = 2 * (len(SEASONS) + len(SPANS))
PAIRS = tuple((j, i) for i in range(3) for j in range(3) if j != i)


def timecode(days, periods):
    ang = 2 * math.pi * (days[..., None] / torch.tensor(periods)).frac()
    return torch.cat([ang.sin(), ang.cos()], -1)


def s2d(x, f):  # [N, h, w, c] -> [N, h/f, w/f, f*f*c]
    n, h, w, c = x.shape
    return x.reshape(n, h // f, f, w // f, f, c).permute(0, 1, 3, 2, 4, 5).reshape(n, h // f, w // f, f * f * c)


def resize(x, size, pool):  # NHWC average pool or bilinear upsampling to `size`
    y = x.permute(0, 3, 1, 2)
    y = F.adaptive_avg_pool2d(y, size) if pool else F.interpolate(y, size=size, mode="bilinear", align_corners=False)
    return y.permute(0, 2, 3, 1)


def conv(c, x):  # an nn.Conv2d on NHWC
    return c(x.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)


class MHA(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.h, self.qkv, self.out = heads, nn.Linear(d, 3 * d), nn.Linear(d, d)

    def forward(self, x, mask):  # x [B, S, D], mask [B, S] of keys
        b, s, d = x.shape
        q, k, v = self.qkv(x).reshape(b, s, 3, self.h, d // self.h).permute(2, 0, 3, 1, 4)
        o = F.scaled_dot_product_attention(q, k, v, attn_mask=mask[:, None, None, :])
        return self.out(torch.nan_to_num(o).transpose(1, 2).reshape(b, s, d))


class Layer(nn.Module):  # a transformer layer (the space and time operators)
    def __init__(self, d, heads, ratio, cond=0):
        super().__init__()
        self.n1, self.n2, self.attn = nn.LayerNorm(d), nn.LayerNorm(d), MHA(d, heads)
        self.mlp = nn.Sequential(nn.Linear(d, round(d * ratio)), nn.GELU(), nn.Linear(round(d * ratio), d))
        self.tc = nn.Linear(cond, d) if cond else None

    def forward(self, x, mask, code=None):
        h = self.n1(x) if code is None else self.n1(x) + self.tc(code)
        x = x + self.attn(h, mask)
        return x + self.mlp(self.n2(x))


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        ds, dt, dp = c.d_space, c.d_time, c.d_precision
        hp = round(dp * c.precision_ratio)
        self.space = Layer(ds, c.heads_space, c.mlp_ratio)
        self.time = Layer(dt, c.heads_time, c.mlp_ratio, K)
        self.pn, self.c1, self.c2 = nn.LayerNorm(dp), nn.Conv2d(dp, hp, 3, padding=1), nn.Conv2d(hp, dp, 3, padding=1)
        w = (ds, dt, dp)
        self.norms = nn.ModuleList(nn.LayerNorm(d) for d in w)
        self.proj = nn.ModuleList(nn.Linear(w[j], w[i]) for j, i in PAIRS)
        self.dw = nn.ModuleList(nn.Conv2d(d, d, 3, padding=1, groups=d) for d in w)
        self.lw = nn.ModuleList(nn.Conv2d(d, d, 3, padding=1, groups=d, bias=False) for d in w[1:])

    def forward(self, s, t, p, smask, tmask, code):
        B, N, gs = s.shape[0], s.shape[1], s.shape[2]
        gt = t.shape[2]
        s = self.space(s.reshape(B * N, gs * gs, -1), smask.reshape(B * N, -1)).reshape(s.shape)
        tt = t.permute(0, 2, 3, 1, 4).reshape(B * gt * gt, N, -1)  # attention along the frames at each position
        tm = tmask.reshape(B, N, gt * gt).permute(0, 2, 1).reshape(B * gt * gt, N)
        cd = code[:, None].expand(B, gt * gt, N, K).reshape(B * gt * gt, N, K)
        t = self.time(tt, tm, cd).reshape(B, gt, gt, N, -1).permute(0, 3, 1, 2, 4)
        pf = p.reshape(B * N, *p.shape[2:])
        pf = pf + conv(self.c2, F.gelu(conv(self.c1, self.pn(pf))))
        st = [s.reshape(B * N, gs, gs, -1), t.reshape(B * N, gt, gt, -1), pf]
        normed = [n(x) for n, x in zip(self.norms, st)]
        low = [None] + [conv(c, x) for c, x in zip(self.lw, normed[1:])]
        msgs = [0, 0, 0]
        for (j, i), lin in zip(PAIRS, self.proj):
            size = st[i].shape[1:3]
            if LEVELS[i] > LEVELS[j]: msgs[i] = msgs[i] + lin(resize(low[j], size, True))
            else: msgs[i] = msgs[i] + resize(lin(normed[j]), size, False)
        out = [x + conv(c, m) for x, m, c in zip(st, msgs, self.dw)]
        return (out[0].reshape(s.shape), out[1].reshape(B, N, gt, gt, -1), out[2].reshape(p.shape))


class Encoder(nn.Module):
    def __init__(self, c, specs):
        super().__init__()
        dp, self.c = c.d_precision, c
        self.patch = nn.ModuleDict({n: nn.Linear(8 * b, dp) for n, b in specs.items()})
        self.ptc = nn.ModuleDict({n: nn.Linear(K, dp) for n in specs})
        self.stem = nn.LayerNorm(dp)
        self.to_space, self.to_time = nn.Linear(64 * dp, c.d_space), nn.Linear(16 * dp, c.d_time)
        self.pos = nn.Parameter(0.02 * torch.randn(c.patch // 16, c.patch // 16, c.d_space))
        self.blocks = nn.ModuleList(Block(c) for _ in range(c.blocks))
        w = (c.d_space, c.d_time, dp)
        self.hn = nn.ModuleList(nn.LayerNorm(d) for d in w)
        self.hp = nn.ModuleList(nn.Linear(d, c.out_dim) for d in w)
        self.hdw, self.out = nn.Conv2d(c.out_dim, c.out_dim, 3, padding=1, groups=c.out_dim), nn.LayerNorm(c.out_dim)

    def forward(self, inputs):  # source -> (x [B,T,L,L,C], valid, days [B,T], frame [B,T])
        names = sorted(inputs)
        days = torch.cat([torch.where(inputs[n][3], inputs[n][2], 0.) for n in names], 1)
        frame = torch.cat([inputs[n][3] for n in names], 1)
        ref = torch.where(frame, days, torch.inf).min(1, keepdim=True).values
        code = torch.cat([timecode(days, SEASONS), timecode(days - ref, SPANS)], -1)  # [B, N, K]
        lat, pix, i = [], [], 0
        for n in names:
            x, valid, _, fr = inputs[n]
            B, T, L = x.shape[:3]
            v = valid & fr[:, :, None, None, None]
            z = torch.cat([torch.where(v, x, 0.), v.float()], -1).reshape(B * T, L, L, -1)
            lat.append((self.patch[n](s2d(z, 2)) + self.ptc[n](code[:, i:i + T])[..., None, None, :].reshape(
                B * T, 1, 1, -1)).reshape(B, T, L // 2, L // 2, -1))
            pix.append(v.any(-1)); i += T
        lat, pix = torch.cat(lat, 1), torch.cat(pix, 1)  # [B, N, L/2, L/2, D], [B, N, L, L]
        B, N = lat.shape[:2]
        z = self.stem(lat).reshape(B * N, *lat.shape[2:])
        s = (self.to_space(s2d(z, 8)) + self.pos).reshape(B, N, *self.pos.shape)
        t = self.to_time(s2d(z, 4)).reshape(B, N, L // 8, L // 8, -1)
        cell = lambda f: pix.reshape(B, N, L // f, f, L // f, f).any(5).any(3)
        smask, tmask = cell(16), cell(8)
        p = lat
        for blk in self.blocks: s, t, p = blk(s, t, p, smask, tmask, code)
        half = (L // 2, L // 2)
        out = sum(resize(lin(nm(x.reshape(B * N, *x.shape[2:]))), half, False)
                  for x, nm, lin in zip((s, t, p), self.hn, self.hp))
        return self.out(conv(self.hdw, out)).reshape(B, N, *half, -1), days, cell(2)


class Summary(nn.Module):
    def __init__(self, d, width, heads, up, E):
        super().__init__()
        self.h, self.w = heads, width
        self.decay = nn.Parameter(torch.full((heads,), math.log(math.expm1(2.0))))  # softplus^-1(2): per year outside
        self.norm = nn.LayerNorm(d)
        self.query = nn.Sequential(nn.Linear(17, width), nn.GELU(), nn.Linear(width, width))
        self.kp, self.rp, self.vp, self.o = nn.Linear(d, width), nn.Linear(7, width), nn.Linear(d, width), nn.Linear(width, width)
        self.un, self.ue, self.uc, self.up = nn.LayerNorm(width), nn.Linear(width, up), nn.Conv2d(up, up, 3, padding=1), nn.Linear(up, E)

    def forward(self, feats, days, valid, period):  # feats [B,N,h,w,D], period [B,2] -> [B, L, L, E]
        B, N, h, w, _ = feats.shape
        H, dh = self.h, self.w // self.h
        pc = torch.cat([timecode(period[:, 0], SEASONS), timecode(period[:, 1], SEASONS),
                        (period[:, 1] - period[:, 0]).clamp(min=1e-3).div(365.25).log()[:, None]], -1)
        q = self.query(pc).reshape(B, 1, 1, 1, H, dh)
        pos = ((days - period[:, :1]) / (period[:, 1:] - period[:, :1])).clamp(-4, 5)
        before, after = (period[:, :1] - days).clamp(min=0) / 365.25, (days - period[:, 1:]).clamp(min=0) / 365.25
        a = 2 * math.pi * pos
        rel = torch.stack([pos, ((days >= period[:, :1]) & (days < period[:, 1:])).float(), before, after,
                           a.sin(), a.cos(), (2 * a).sin()], -1)
        x = self.norm(feats)
        k = (self.kp(x) + self.rp(rel)[:, :, None, None]).reshape(B, N, h, w, H, dh)
        logits = (k * q).sum(-1) / math.sqrt(dh) - F.softplus(self.decay) * (before + after)[:, :, None, None, None]
        logits = logits.masked_fill(~valid[..., None], -1e30)
        a = torch.softmax(logits, 1) * valid[..., None]
        pooled = (a[..., None] * self.vp(x).reshape(B, N, h, w, H, dh)).sum(1).reshape(B, h, w, -1)
        y = resize(self.ue(self.un(self.o(pooled))), (2 * h, 2 * w), False)
        y = y + conv(self.uc, F.gelu(y))
        return F.normalize(self.up(F.gelu(y)), dim=-1)


def vmf_sample(mu, kappa, n_prop=16):  # Wood (1994), n_prop proposals at once, the first accepted one
    p = mu.shape[-1]
    b = (p - 1) / (2 * kappa + math.sqrt(4 * kappa**2 + (p - 1) ** 2))
    x0, c = (1 - b) / (1 + b), kappa * (1 - b) / (1 + b) + (p - 1) * math.log(1 - ((1 - b) / (1 + b)) ** 2)
    z = torch.distributions.Beta((p - 1) / 2, (p - 1) / 2).sample((*mu.shape[:-1], n_prop))
    w = (1 - (1 + b) * z) / (1 - (1 - b) * z)
    ok = kappa * w + (p - 1) * torch.log(1 - x0 * w) - c >= torch.rand_like(z).log()
    w = w.gather(-1, ok.float().argmax(-1, keepdim=True))
    v = F.normalize(torch.randn(*mu.shape[:-1], p - 1), dim=-1)
    x = torch.cat([w, (1 - w * w).clamp(min=0).sqrt() * v], -1)
    u = mu.clone(); u[..., 0] = u[..., 0] + torch.where(mu[..., 0] >= 0, 1., -1.)  # Householder e1 -> mu
    s = torch.where(mu[..., :1] >= 0, 1., -1.)
    return -s * (x - 2 * u * (u * x).sum(-1, keepdim=True) / (u * u).sum(-1, keepdim=True))


class Model(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        c, self.cfg = cfg.stp, cfg
        self.enc = Encoder(c, {n: len(cfg.source(n).bands) for n in cfg.inputs})
        self.summary = Summary(c.out_dim, cfg.summary_width, cfg.summary_heads, cfg.up_width, cfg.embed_dim)
        self.dec = nn.ModuleDict()
        for n in cfg.targets:
            s = cfg.source(n)
            n_out = len(s.classes) if s.kind == "categorical" else len(s.bands)
            sizes = [cfg.embed_dim + len(s.meta) + 1 + 2 * cfg.decoder_freqs] + [cfg.decoder_width] * cfg.decoder_depth
            layers = [m for a, o in zip(sizes[:-1], sizes[1:]) for m in (nn.Linear(a, o), nn.GELU())]
            self.dec[n] = nn.Sequential(*layers, nn.Linear(sizes[-1], n_out))
        self.text = nn.Sequential(nn.Linear(cfg.text_dim + 17, cfg.text_width), nn.GELU(),
                                  nn.Linear(cfg.text_width, cfg.text_width), nn.GELU(),
                                  nn.Linear(cfg.text_width, cfg.embed_dim))
        self.log_scale = nn.Parameter(torch.tensor(math.log(1 / cfg.clip_temperature)))

    def loss(self, b):
        cfg, inputs = self.cfg, b["inputs"]
        B = b["period"].shape[0]
        keep = {n: torch.rand(f[3].shape) >= 0.3 for n, f in inputs.items()}  # the student's perturbed input
        student = {n: (torch.where(keep[n][..., None, None, None], f[0], 0.), f[1] & keep[n][..., None, None, None],
                       f[2], f[3] & keep[n]) for n, f in inputs.items()}
        both = {n: tuple(torch.cat([a, c]) for a, c in zip(inputs[n], student[n])) for n in inputs}
        feats, days, valid = self.enc(both)  # teacher and student in one batched pass
        ft, fs = feats[:B], feats[B:]
        tnames = sorted(n for n in b["targets"] if n in self.dec)
        periods = [b["period"], b["period"], b["text_period"]] + [b["targets"][n][4] for n in tnames]
        P = len(periods)
        u = self.summary(ft[None].expand(P, *ft.shape).reshape(P * B, *ft.shape[1:]), days[:B].repeat(P, 1),
                         valid[:B].repeat(P, 1, 1, 1), torch.cat(periods)).reshape(P, B, 2 * ft.shape[2], 2 * ft.shape[3], -1)
        u_s = self.summary(fs, days[B:], valid[B:], b["period"])
        recon = 0.
        for i, n in enumerate(tnames):
            x, v, day, meta, per = b["targets"][n]
            zs = vmf_sample(u[3 + i], cfg.kappa, cfg.n_proposals)
            t = ((day - per[:, 0]) / (per[:, 1] - per[:, 0]))[:, None]
            ang = 2 * math.pi * t * torch.arange(1, cfg.decoder_freqs + 1)
            cond = torch.cat([meta, t, ang.sin(), ang.cos()], -1)[:, None, None].expand(*zs.shape[:3], -1)
            pred = self.dec[n](torch.cat([zs, cond], -1))
            if cfg.source(n).kind == "categorical":
                lab = x[..., 0].round().long().clamp(0, pred.shape[-1] - 1)
                recon = recon + (F.cross_entropy(pred.permute(0, 3, 1, 2), lab, reduction="none") * v[..., 0]).sum() / v[..., 0].sum().clamp(min=1)
            else:
                recon = recon + ((pred - x).abs() * v).sum() / v.sum().clamp(min=1)
        uniform = (u[0] * u[0].roll(1, 0)).sum(-1).abs().mean()
        consist = (1 - (u[1] * u_s).sum(-1)).mean()
        emb, yx, tv, tp = b["texts"]
        pc = torch.cat([timecode(tp[:, 0], SEASONS), timecode(tp[:, 1], SEASONS),
                        (tp[:, 1] - tp[:, 0]).clamp(min=1e-3).div(365.25).log()[:, None]], -1)
        th = F.normalize(self.text(torch.cat([emb, pc[:, None].expand(*emb.shape[:2], -1)], -1)), dim=-1)
        yx = yx.round().long().clamp(0, u.shape[2] - 1)
        te = u[2][torch.arange(B)[:, None], yx[..., 0], yx[..., 1]]
        logits = self.log_scale.clamp(0, math.log(100)).exp() * th.reshape(-1, th.shape[-1]) @ te.reshape(-1, te.shape[-1]).T
        lab = torch.arange(logits.shape[0])
        clip = (F.cross_entropy(logits, lab) + F.cross_entropy(logits.T, lab)) / 2
        return recon / max(len(tnames), 1) + 0.05 * uniform + 0.02 * consist + 0.001 * clip


def to_torch(batch):
    "A JAX `TrainExample` batch as the nested torch tensors `Model.loss` reads."
    t = lambda a: torch.from_numpy(np.array(a))
    return dict(inputs={n: (t(f.x), t(f.valid), t(f.days), t(f.frame)) for n, f in batch.inputs.items()},
                targets={n: (t(g.x), t(g.valid), t(g.day), t(g.meta), t(g.period)) for n, g in batch.targets.items()},
                texts=(t(batch.texts.emb), t(batch.texts.yx), t(batch.texts.valid), t(batch.texts.period)),
                text_period=t(batch.texts.period), period=t(batch.period))


def matmul_peak(n=2048, reps=10):
    a, b = torch.randn(n, n), torch.randn(n, n)
    for _ in range(2): a @ b
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); a @ b; ts.append(time.perf_counter() - t0)
    return 2 * n**3 / statistics.median(ts)


def time_step(batch, cfg, reps=10, warm=2, bf16=False):
    "Median and min seconds of one forward + backward + AdamW step on `batch`, torch's dense matmul FLOP/s, and the " \
    "median CPU seconds of the calling thread a step (`time.thread_time`: at one torch thread all of the step's work, " \
    "eager autograd runs the backward on the calling thread; the load's waits left out, which wall time counts). "
    "`bf16`: the forward pass under `torch.autocast('cpu', torch.bfloat16)` (float32 parameters and optimiser; the "
    "mixed precision one would write in PyTorch), the counterpart of `train_step.py --bf16`."
    torch.manual_seed(0)
    model, b = Model(cfg), to_torch(batch)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.05)
    def step():
        opt.zero_grad(set_to_none=True)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            loss = model.loss(b)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss.item()
    for _ in range(warm): step()
    ts, cs = [], []
    for _ in range(reps):
        c0, t0 = time.thread_time(), time.perf_counter(); step()
        ts.append(time.perf_counter() - t0); cs.append(time.thread_time() - c0)
    return statistics.median(ts), min(ts), matmul_peak(), statistics.median(cs)


DOTS = ("aten::mm", "aten::addmm", "aten::bmm", "aten::baddbmm", "aten::matmul", "aten::linear")
LAYOUT = ("aten::copy_", "aten::cat", "aten::_to_copy", "aten::clone", "aten::contiguous", "aten::index",
          "aten::gather", "aten::stack", "aten::roll", "aten::flip", "aten::expand", "aten::repeat")
RANDOM = ("aten::_sample_dirichlet", "aten::normal_", "aten::uniform_", "aten::bernoulli_", "aten::rand",
          "aten::rand_like", "aten::randn", "aten::random_")
REDUCE = ("aten::sum", "aten::mean", "aten::amax", "aten::max", "aten::argmax", "aten::min", "aten::_softmax",
          "aten::_softmax_backward_data", "aten::linalg_vector_norm", "aten::_log_softmax",
          "aten::_log_softmax_backward_data", "aten::nll_loss_forward", "aten::nll_loss_backward")


def op_kind(name, shapes, L):
    "The kind of a torch op (its name and input shapes; L the patch side), to read torch_ref's profile against our " \
    "thunks' kinds: `conv3` (the precision convolutions), `upsample conv` (the summary's 3x3 on L x L maps), " \
    "`depthwise` (a kernel of [c, 1, 3, 3]), `dots`, `norms` (LayerNorm forward and backward), `layout` (copies, " \
    "concatenations, gathers), `resample` (bilinear and average pooling), `random`, `optimiser` (AdamW), " \
    "`reductions`, else `element-wise`."
    if name in ("aten::mkldnn_convolution", "aten::convolution_backward", "aten::_convolution", "aten::convolution"):
        four = [x for x in shapes if len(x) == 4]
        if any(x[1] == 1 and x[2:] == [3, 3] for x in four): return "depthwise"
        return "upsample conv" if any(x[2:] == [L, L] for x in four) else "conv3"
    if name in DOTS or "scaled_dot_product" in name or "_flash_attention" in name: return "dots"
    if "layer_norm" in name: return "norms"
    if name in LAYOUT: return "layout"
    if "upsample" in name or "adaptive_avg_pool" in name: return "resample"
    if name in RANDOM: return "random"
    if "Optimizer" in name or "_foreach" in name or name in ("aten::lerp_", "aten::addcdiv_", "aten::addcmul_"):
        return "optimiser"
    if name in REDUCE: return "reductions"
    return "element-wise"


def op_profile(batch, cfg, steps=10, top=40):
    "torch.profiler over `steps` steps at one thread: each op's self CPU a step (by name and input shapes), the least "
    "of the steps (the counterpart of train_step.py --profile's per-thunk shortest runs), printed summed by op name, "
    "summed by kind (`op_kind`: to read against our thunks kind by kind) and the `top` costliest op + shapes (session "
    "40's op-by-op comparison, benchmarks/NOTES.md#train_step)."
    import collections
    from torch.profiler import ProfilerActivity, profile, record_function
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model, b = Model(cfg), to_torch(batch)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.05)
    def step():
        opt.zero_grad(set_to_none=True)
        model.loss(b).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    for _ in range(3): step()
    with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
        for i in range(steps):
            with record_function(f"STEP{i}"): step()
    torch.set_num_threads(threads)
    evs = prof.events()
    spans = [(e.time_range.start, e.time_range.end, int(e.name[4:])) for e in evs if e.name.startswith("STEP")]
    per = collections.defaultdict(lambda: [0.0] * steps)  # (op, shapes) -> self us in each step
    shapes_of = {}
    for e in evs:
        s = next((k for a, z, k in spans if a <= e.time_range.start < z), None)
        if s is not None and not e.name.startswith("STEP"):
            per[e.name, str(e.input_shapes)[:100]][s] += e.self_cpu_time_total
            shapes_of[e.name, str(e.input_shapes)[:100]] = e.input_shapes
    low = {k: min(v) for k, v in per.items()}
    total, by_op = sum(low.values()), collections.Counter()
    for (name, _), us in low.items(): by_op[name] += us
    print(f"torch op profile (1 thread, {steps} steps): each op's least self CPU a step, summed: {total / 1e3:.1f} ms")
    for name, us in by_op.most_common(top): print(f"  {us / 1e3:7.2f} ms {us / total:5.1%}  {name}")
    kinds = collections.Counter()
    for (name, shapes), us in low.items(): kinds[op_kind(name, shapes_of[name, shapes], cfg.patch)] += us
    print("  by kind (torch_ref.op_kind): " + ", ".join(f"{k} {us / 1e3:.1f} ms {us / total:.0%}" for k, us in kinds.most_common()))
    print("  costliest op + input shapes:")
    for (name, shapes), us in sorted(low.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {us / 1e3:7.3f} ms  {name:42s} {shapes}")
