"""Gradient clipping and init cases (init: gains, fans and the bounds/stds torch's formulas derive)."""
import math
import torch
from gen_common import DTYPES, as_dtype, randn, rows

SHAPES = [(3, 4), (4, 1), (1, 5)]  # parameters of different shapes, clipped together


def clip_cases():
    cases = []
    for dtype in DTYPES:
        grads = [as_dtype(randn(600 + i, *s, scale=2.0), dtype) for i, s in enumerate(SHAPES)]
        for kind, arg, norm_type in [("norm", 1.0, 2.0), ("norm", 100.0, 2.0), ("norm", 0.5, math.inf),
                                     ("norm", 2.0, 1.0), ("value", 0.5, None)]:
            params = [torch.nn.Parameter(torch.zeros(s, dtype=DTYPES[dtype])) for s in SHAPES]
            for p, g in zip(params, grads):
                p.grad = g.clone()
            case = {"dtype": dtype, "kind": kind, "grads": [rows(g) for g in grads]}
            if kind == "norm":
                total = torch.nn.utils.clip_grad_norm_(params, arg, norm_type=norm_type)
                case.update(name=f"clip_grad_norm_(max_norm={arg}, norm_type={norm_type}) {dtype}", maxNorm=arg,
                            normType="inf" if norm_type == math.inf else norm_type, totalNorm=float(total))
            else:
                torch.nn.utils.clip_grad_value_(params, arg)
                case.update(name=f"clip_grad_value_(clip_value={arg}) {dtype}", clipValue=arg)
            case["clipped"] = [rows(p.grad) for p in params]
            cases.append(case)
    return cases


GAINS = [("linear", None), ("sigmoid", None), ("tanh", None), ("relu", None), ("leaky_relu", None),
         ("leaky_relu", 0.2), ("leaky_relu", math.sqrt(5)), ("selu", None)]

KAIMING = [  # (shape out × in, a, mode, nonlinearity)
    ((50, 784), 0.0, "fan_in", "relu"),
    ((50, 784), 0.0, "fan_out", "relu"),
    ((10, 30), math.sqrt(5), "fan_in", "leaky_relu"),  # torch's default Linear init
    ((30, 10), 0.2, "fan_in", "leaky_relu"),
    ((64, 64), 0.0, "fan_in", "tanh"),
]


def init_cases():
    fans = []
    for shape in [(3, 4), (784, 100), (1, 7), (10, 1)]:
        fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
        fans.append({"shape": list(shape), "fanIn": fan_in, "fanOut": fan_out})
    gains = [{"nonlinearity": n, "param": p, "gain": torch.nn.init.calculate_gain(n, p)} for n, p in GAINS]
    bounds = []
    for shape, a, mode, nl in KAIMING:
        fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
        std = torch.nn.init.calculate_gain(nl, a) / math.sqrt(fan_in if mode == "fan_in" else fan_out)
        opts = {"a": a, "mode": mode, "nonlinearity": nl}
        bounds.append({"init": "kaiming_uniform_", "shape": list(shape), "options": opts, "bound": math.sqrt(3) * std})
        bounds.append({"init": "kaiming_normal_", "shape": list(shape), "options": opts, "std": std})
    for shape, gain in [((50, 784), 1.0), ((64, 64), 5 / 3)]:
        fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
        std = gain * math.sqrt(2.0 / (fan_in + fan_out))
        bounds.append({"init": "xavier_uniform_", "shape": list(shape), "gain": gain, "bound": math.sqrt(3) * std})
        bounds.append({"init": "xavier_normal_", "shape": list(shape), "gain": gain, "std": std})
    check_bounds_with_torch(bounds)
    return {"fans": fans, "gains": gains, "bounds": bounds}


def check_bounds_with_torch(bounds):
    """The derived bound/std must describe torch's own samples (so the formulas above are torch's)."""
    torch.manual_seed(0)
    for b in bounds:
        w = torch.empty(b["shape"], dtype=torch.float64)
        fn = getattr(torch.nn.init, b["init"])
        fn(w, **b["options"]) if "options" in b else fn(w, gain=b["gain"])
        if "bound" in b:
            assert w.abs().max() <= b["bound"] and w.abs().max() > 0.98 * b["bound"], b
        else:
            assert abs(float(w.std()) / b["std"] - 1) < 0.1, (b, float(w.std()))
