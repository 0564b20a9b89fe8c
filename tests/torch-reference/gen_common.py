"""Helpers shared by the fixture generators: dtypes, seeded inputs, tensors as JSON lists."""
import numpy as np
import torch

DTYPES = {"float64": torch.float64, "float32": torch.float32}


def randn(seed, *shape, scale=1.0):
    """A float64 normal tensor from its own seed, so adding a case never changes the others."""
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=torch.float64) * scale


def as_dtype(t, dtype):
    """The same values in the case's dtype (float32 rounds them once; the fixture stores the rounded values)."""
    return t.detach().to(DTYPES[dtype]).clone()


def short32(v):
    """A float32 value as the shortest decimal that reads back as the same float32 (about 9 digits, not 17).
    JSON readers parse it to the nearest float64 and Float32Array rounds that: checked to give v back."""
    f = np.float32(v)
    d = float(repr(f))
    assert np.float32(d) == f, (v, d)
    return d


def rows(t):
    """A tensor as nested lists of Python floats: float64 exactly, float32 by its shortest exact decimal.
    1-D tensors become one row, as the library's 1 × n biases."""
    num = short32 if t.dtype == torch.float32 else float
    t = t.detach()
    if t.dim() == 0:
        return num(t.item())
    if t.dim() == 1:
        t = t.unsqueeze(0)
    return [[num(v) for v in r.tolist()] for r in t]


def camel(name):
    """torch's snake_case option name in the library's camelCase (T_max → tMax)."""
    head, *rest = name.split("_")
    return head[:1].lower() + head[1:] + "".join(w[:1].upper() + w[1:] for w in rest)


def options(kwargs):
    """torch keyword arguments as the library's options object."""
    return {camel(k): (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()}
