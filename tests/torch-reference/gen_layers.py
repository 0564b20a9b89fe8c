"""Layer cases: forward output, input gradient and parameter gradients (and BatchNorm's running statistics)."""
import torch
from gen_common import DTYPES, as_dtype, randn, rows

# Inputs with the awkward points: exact 0 (the kink), large |x| (saturation), ordinary values.
SPECIAL = torch.tensor([[0.0, -30.0, 30.0, -1e-3], [1e-3, -5.0, 5.0, 0.5]], dtype=torch.float64)

ACTIVATIONS = [
    ("ReLU", {}, lambda: torch.nn.ReLU()),
    ("LeakyReLU", {"negativeSlope": 0.01}, lambda: torch.nn.LeakyReLU(0.01)),
    ("LeakyReLU", {"negativeSlope": 0.2}, lambda: torch.nn.LeakyReLU(0.2)),
    ("ELU", {"alpha": 1.0}, lambda: torch.nn.ELU(1.0)),
    ("ELU", {"alpha": 0.5}, lambda: torch.nn.ELU(0.5)),
    ("Sigmoid", {}, lambda: torch.nn.Sigmoid()),
    ("Tanh", {}, lambda: torch.nn.Tanh()),
]


def forward_backward(module, x, dy):
    """y = module(x) and, for the upstream gradient dy, dx and every parameter's gradient (zeroed first)."""
    module.zero_grad(set_to_none=True)
    x = x.clone().requires_grad_(True)
    y = module(x)
    y.backward(dy)
    step = {"x": rows(x), "dy": rows(dy), "y": rows(y), "dx": rows(x.grad)}
    step["grads"] = {name: rows(p.grad) for name, p in module.named_parameters()}
    return step


def linear_cases(dtype):
    cases = []
    for bias in (True, False):
        m = torch.nn.Linear(4, 3, bias=bias).to(DTYPES[dtype])
        with torch.no_grad():
            m.weight.copy_(as_dtype(randn(10, 3, 4), dtype))  # torch layout: out × in
            if bias:
                m.bias.copy_(as_dtype(randn(11, 3), dtype))
        params = {name: rows(p) for name, p in m.named_parameters()}
        x, dy = as_dtype(randn(12, 5, 4), dtype), as_dtype(randn(13, 5, 3), dtype)
        cases.append({
            "name": f"Linear(4, 3, bias={bias}) {dtype}", "dtype": dtype, "layer": "Linear",
            "options": {"inFeatures": 4, "outFeatures": 3, "bias": bias}, "params": params,
            "steps": [dict(forward_backward(m, x, dy), mode="train")],
        })
    return cases


def activation_cases(dtype):
    cases = []
    for i, (kind, opts, make) in enumerate(ACTIVATIONS):
        x = as_dtype(torch.cat([SPECIAL, randn(20 + i, 3, 4, scale=2.0)]), dtype)
        dy = as_dtype(randn(40 + i, 5, 4), dtype)
        label = ", ".join(f"{k}={v}" for k, v in opts.items())
        cases.append({
            "name": f"{kind}({label}) {dtype}", "dtype": dtype, "layer": kind, "options": opts, "params": {},
            "steps": [dict(forward_backward(make(), x, dy), mode="train")],
        })
    return cases


def batch_norm_cases(dtype):
    """Three training steps on batches of 6, 4 and 8 rows (running stats after each), then one eval step."""
    configs = [{"momentum": 0.1}, {"momentum": None}, {"momentum": 0.3, "eps": 1e-3, "affine": False}]
    cases = []
    for k, kw in enumerate(configs):
        m = torch.nn.BatchNorm1d(3, **kw).to(DTYPES[dtype])
        if m.affine:
            with torch.no_grad():
                m.weight.copy_(as_dtype(1 + 0.5 * randn(60 + k, 3), dtype))
                m.bias.copy_(as_dtype(randn(70 + k, 3), dtype))
        params = {name: rows(p) for name, p in m.named_parameters()}
        steps = []
        for s, batch in enumerate((6, 4, 8, 5)):
            m.train(s < 3)
            # features of different means and scales, so the running statistics move visibly
            shift = torch.tensor([[2.0, -1.0, 0.0]], dtype=torch.float64)
            scale = torch.tensor([[0.5, 3.0, 1.0]], dtype=torch.float64)
            x = as_dtype(shift + scale * randn(100 + 10 * k + s, batch, 3), dtype)
            dy = as_dtype(randn(200 + 10 * k + s, batch, 3), dtype)
            step = forward_backward(m, x, dy)
            step["mode"] = "train" if m.training else "eval"
            step["buffers"] = {
                "runningMean": rows(m.running_mean),
                "runningVar": rows(m.running_var),
                "numBatchesTracked": [[float(m.num_batches_tracked)]],
            }
            steps.append(step)
        opts = {"momentum": kw["momentum"], "eps": kw.get("eps", 1e-5), "affine": kw.get("affine", True)}
        cases.append({
            "name": f"BatchNorm1d(3, {', '.join(f'{a}={b}' for a, b in kw.items())}) {dtype}",
            "dtype": dtype, "layer": "BatchNorm1d", "options": dict(opts, numFeatures=3),
            "params": params, "steps": steps,
        })
    return cases


def softmax_cases(dtype):
    """Softmax and LogSoftmax over dim 1 (and -1): random logits plus a row of ±1e4 (no overflow) and a flat row."""
    cases = []
    extreme = torch.tensor([[1e4, 0.0, -1e4, 1e4 - 1], [0.0, 0.0, 0.0, 0.0]], dtype=torch.float64)
    for i, (kind, dim, make) in enumerate([("Softmax", 1, lambda: torch.nn.Softmax(dim=1)),
                                          ("LogSoftmax", 1, lambda: torch.nn.LogSoftmax(dim=1)),
                                          ("Softmax", -1, lambda: torch.nn.Softmax(dim=-1))]):
        x = as_dtype(torch.cat([extreme, randn(60 + i, 4, 4, scale=3.0)]), dtype)
        dy = as_dtype(randn(70 + i, 6, 4), dtype)
        cases.append({
            "name": f"{kind}(dim={dim}) {dtype}", "dtype": dtype, "layer": kind, "options": {"dim": dim},
            "params": {}, "steps": [dict(forward_backward(make(), x, dy), mode="train")],
        })
    return cases


def layer_cases():
    return [c for d in DTYPES for c in linear_cases(d) + activation_cases(d) + batch_norm_cases(d)] + [
        c for d in DTYPES for c in softmax_cases(d)]
