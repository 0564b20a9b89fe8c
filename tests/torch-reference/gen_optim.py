"""Optimizer cases: a start tensor and a fixed sequence of gradients (set as p.grad each step, the same for every
case of a dtype: optimizer_inputs), and the parameter after each step."""
import torch
from gen_common import DTYPES, as_dtype, options, randn, rows

STEPS = 10

OPTIMIZERS = [
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.1, "momentum": 0.9}),
    ("SGD", {"lr": 0.1, "momentum": 0.9, "dampening": 0.5}),
    ("SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
    ("SGD", {"lr": 0.1, "weight_decay": 0.1}),
    ("SGD", {"lr": 0.1, "momentum": 0.5, "weight_decay": 0.1, "maximize": True}),
    ("Adagrad", {"lr": 0.1}),
    ("Adagrad", {"lr": 0.1, "lr_decay": 0.1}),
    ("Adagrad", {"lr": 0.1, "initial_accumulator_value": 0.5}),
    ("Adagrad", {"lr": 0.1, "weight_decay": 0.1}),
    ("RMSprop", {"lr": 0.01}),
    ("RMSprop", {"lr": 0.01, "momentum": 0.9}),
    ("RMSprop", {"lr": 0.01, "centered": True}),
    ("RMSprop", {"lr": 0.01, "alpha": 0.9, "momentum": 0.5, "centered": True, "weight_decay": 0.1}),
    ("RMSprop", {"lr": 0.01, "weight_decay": 0.1}),
    ("Adam", {"lr": 0.1}),
    ("Adam", {"lr": 0.1, "weight_decay": 0.1}),
    ("Adam", {"lr": 0.1, "betas": (0.8, 0.9), "amsgrad": True}),
    ("Adam", {"lr": 0.1, "maximize": True}),
    ("AdamW", {"lr": 0.1, "weight_decay": 0.1}),
    ("AdamW", {"lr": 0.1, "weight_decay": 0.1, "amsgrad": True}),
    ("Adadelta", {}),
    ("Adadelta", {"lr": 0.5, "rho": 0.8, "eps": 1e-4}),
    ("Adadelta", {"lr": 1.0, "weight_decay": 0.1, "maximize": True}),
]


def gradients():
    """Ten gradients for a 2 × 3 parameter: noisy, with a shrinking size (so amsgrad's max matters) and one zero entry."""
    gs = [randn(500 + t, 2, 3) * (2.0 if t < 3 else 0.5) for t in range(STEPS)]
    gs[4][0, 0] = 0.0
    return gs


def optimizer_inputs():
    """The start tensor and the gradients, shared by every optimizer case of a dtype."""
    start, grads = randn(499, 2, 3), gradients()
    return {d: {"start": rows(as_dtype(start, d)), "grads": [rows(as_dtype(g, d)) for g in grads]} for d in DTYPES}


def optimizer_cases():
    start = randn(499, 2, 3)
    grads = gradients()
    cases = []
    for dtype in DTYPES:
        for kind, kw in OPTIMIZERS:
            p = torch.nn.Parameter(as_dtype(start, dtype))
            opt = getattr(torch.optim, kind)([p], **kw)
            trajectory = []
            for g in grads:
                p.grad = as_dtype(g, dtype)
                opt.step()
                trajectory.append(rows(p))
            label = ", ".join(f"{k}={v}" for k, v in kw.items())
            cases.append({
                "name": f"{kind}({label}) {dtype}", "dtype": dtype, "optimizer": kind, "options": options(kw),
                "params": trajectory,
            })
    return cases
