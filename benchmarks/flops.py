"""FLOPs of a JAX function counted from its jaxpr, with `scan` bodies multiplied by their trip count.

XLA's `cost_analysis()` counts the body of a while loop once, so for a model whose blocks run under `lax.scan` it
undercounts by about the number of blocks. This counter walks the jaxpr: 2*M*N*K per matmul (`dot_general`),
2 * output elements * (input channels / groups * kernel size) per convolution, one FLOP per output element of
elementwise arithmetic and per input element of reductions; scans multiply their body by `length`, `cond` takes its
costliest branch, `while` (unknown trip count) counts its body once.
"""
import math

import equinox as eqx
import jax
from jax.extend import core as jcore

ELEMENTWISE = {"add", "sub", "mul", "div", "neg", "max", "min", "exp", "exp2", "log", "log1p", "tanh", "logistic",
               "sqrt", "rsqrt", "pow", "integer_pow", "erf", "sin", "cos", "abs", "sign", "square", "select_n",
               "expm1", "atan2", "erf_inv", "cbrt", "add_any", "clamp", "floor", "round", "ceil", "rem", "tan",
               "acos", "asin", "atan", "sinh", "cosh", "asinh", "acosh", "atanh"}
REDUCTIONS = {"reduce_sum", "reduce_max", "reduce_min", "reduce_prod", "argmax", "argmin", "cumsum", "cumlogsumexp",
              "cummax", "cummin", "cumprod"}


def _size(aval) -> int:
    return math.prod(getattr(aval, "shape", ()))


def _sub(v):
    "The jaxprs held by one equation parameter."
    if isinstance(v, jcore.ClosedJaxpr): return [v.jaxpr]
    if isinstance(v, jcore.Jaxpr): return [v]
    if isinstance(v, (tuple, list)): return [j for x in v for j in _sub(x)]
    return []


def jaxpr_flops(jaxpr) -> float:
    "FLOPs of one jaxpr (see the module docstring for what counts)."
    total = 0.0
    for eqn in jaxpr.eqns:
        p = eqn.primitive.name
        if p == "dot_general":
            (lc, _), _ = eqn.params["dimension_numbers"]
            a = eqn.invars[0].aval
            total += 2.0 * _size(eqn.outvars[0].aval) * math.prod(a.shape[i] for i in lc)
        elif p == "conv_general_dilated":
            rhs = eqn.invars[1].aval
            spec = eqn.params["dimension_numbers"].rhs_spec  # (out channels, in channels, spatial...)
            total += 2.0 * _size(eqn.outvars[0].aval) * math.prod(rhs.shape[d] for d in spec[1:])
        elif p == "scan":
            total += eqn.params["length"] * jaxpr_flops(eqn.params["jaxpr"].jaxpr)
        elif p == "cond":
            total += max(jaxpr_flops(b.jaxpr) for b in eqn.params["branches"])
        elif p in ELEMENTWISE:
            total += _size(eqn.outvars[0].aval)
        elif p in REDUCTIONS:
            total += _size(eqn.invars[0].aval)
        else:
            for v in eqn.params.values():
                for j in _sub(v): total += jaxpr_flops(j)
    return total


def count_flops(fn, *args, **kwargs) -> float:
    "FLOPs of `fn(*args, **kwargs)` (Equinox-filtered: modules and non-array leaves are fine; shapes suffice)."
    closed, _, _ = eqx.filter_make_jaxpr(fn)(*args, **kwargs)
    return jaxpr_flops(closed.jaxpr)


def memory_analysis(compiled):
    "XLA's memory analysis of a compiled computation (jax's or an Equinox wrapper of it)."
    return getattr(compiled, "compiled", compiled).memory_analysis()


def xla_flops(compiled) -> float:
    "FLOPs from XLA's cost analysis of a compiled computation (scan bodies counted once)."
    compiled = getattr(compiled, "compiled", compiled)  # an Equinox `Compiled` wraps jax's
    ca = compiled.cost_analysis()
    if isinstance(ca, (list, tuple)): ca = ca[0]
    return float(ca.get("flops", float("nan")))


if __name__ == "__main__":  # self-check against XLA on an unrolled loop, and the scan undercount
    import jax.numpy as jnp
    ws, x = jnp.ones((10, 256, 256)), jnp.ones((64, 256))
    scanned = lambda ws, x: jax.lax.scan(lambda x, w: (jnp.tanh(x @ w), None), x, ws)[0]
    def unrolled(ws, x):
        for i in range(ws.shape[0]): x = jnp.tanh(x @ ws[i])
        return x
    for f in (scanned, unrolled):
        g = jax.grad(lambda w, x: f(w, x).sum())
        print(f.__name__ if hasattr(f, "__name__") else "f", "jaxpr", count_flops(g, ws, x),
              "xla", xla_flops(jax.jit(g).lower(ws, x).compile()))
