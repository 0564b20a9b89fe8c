"""Loss cases: value (mean reduction, torch's default) and gradient with respect to the input."""
import torch
from gen_common import DTYPES, as_dtype, randn, rows


def value_and_grad(loss, x, target):
    x = x.clone().requires_grad_(True)
    value = loss(x, target)
    value.backward()
    return float(value), rows(x.grad)


def cross_entropy_inputs():
    yield "random logits", randn(300, 6, 4, scale=2.0), [0, 3, 1, 2, 2, 0]
    # Huge logits: a naive exp overflows (e^10000); log-sum-exp must subtract the row max.
    huge = torch.tensor(
        [[1e4, 0.0, -1e4], [1e4, 1e4 - 1, 0.0], [-1e4, -1e4, -1e4 + 2], [5e3, -5e3, 1e4]], dtype=torch.float64
    )
    yield "huge logits 1e4", huge, [0, 1, 0, 1]


def bce_inputs():
    x = randn(310, 4, 5, scale=2.0)
    t = torch.rand(4, 5, generator=torch.Generator().manual_seed(311), dtype=torch.float64)
    yield "random logits, soft targets", x, t
    # Large |x|: log σ(x) and log(1 − σ(x)) must not overflow or lose the small terms.
    big = torch.tensor([[50.0, -50.0, 1e3, -1e3, 20.0], [-20.0, 100.0, -100.0, 0.0, 35.0]], dtype=torch.float64)
    tb = torch.tensor([[1.0, 0.0, 0.0, 1.0, 0.3], [1.0, 0.5, 0.0, 1.0, 0.0]], dtype=torch.float64)
    yield "large |x| 20..1000", big, tb


def reduction_cases(dtype):
    """reduction="sum" and "none" (value per element, and the input gradient for an upstream gradient dl)."""
    cases = []
    x, labels = randn(330, 5, 4, scale=2.0), [3, 0, 1, 1, 2]
    t, p = randn(331, 5, 4), torch.rand(5, 4, generator=torch.Generator().manual_seed(332), dtype=torch.float64)
    for name, make, target in [("CrossEntropyLoss", torch.nn.CrossEntropyLoss, torch.tensor(labels)),
                               ("MSELoss", torch.nn.MSELoss, as_dtype(t, dtype)),
                               ("BCEWithLogitsLoss", torch.nn.BCEWithLogitsLoss, as_dtype(p, dtype))]:
        stored = labels if name == "CrossEntropyLoss" else rows(target)
        for reduction in ("sum", "none"):
            xi = as_dtype(x, dtype).clone().requires_grad_(True)
            value = make(reduction=reduction)(xi, target)
            case = {"name": f"{name}(reduction={reduction}) {dtype}", "dtype": dtype, "loss": name,
                    "reduction": reduction, "x": rows(as_dtype(x, dtype)), "target": stored}
            if reduction == "none":
                dl = as_dtype(randn(333, *value.shape), dtype)
                value.backward(dl)
                case.update(value=rows(value.detach()), dl=rows(dl))
            else:
                value.backward()
                case["value"] = float(value)
            case["grad"] = rows(xi.grad)
            cases.append(case)
    return cases


def loss_cases():
    cases = []
    for dtype in DTYPES:
        for label, x, t in cross_entropy_inputs():
            value, grad = value_and_grad(torch.nn.CrossEntropyLoss(), as_dtype(x, dtype), torch.tensor(t))
            cases.append({"name": f"CrossEntropyLoss {label} {dtype}", "dtype": dtype, "loss": "CrossEntropyLoss",
                          "x": rows(as_dtype(x, dtype)), "target": t, "value": value, "grad": grad})
        x, t = randn(320, 5, 3), randn(321, 5, 3)
        value, grad = value_and_grad(torch.nn.MSELoss(), as_dtype(x, dtype), as_dtype(t, dtype))
        cases.append({"name": f"MSELoss {dtype}", "dtype": dtype, "loss": "MSELoss",
                      "x": rows(as_dtype(x, dtype)), "target": rows(as_dtype(t, dtype)), "value": value, "grad": grad})
        for label, x, t in bce_inputs():
            value, grad = value_and_grad(torch.nn.BCEWithLogitsLoss(), as_dtype(x, dtype), as_dtype(t, dtype))
            cases.append({"name": f"BCEWithLogitsLoss {label} {dtype}", "dtype": dtype, "loss": "BCEWithLogitsLoss",
                          "x": rows(as_dtype(x, dtype)), "target": rows(as_dtype(t, dtype)),
                          "value": value, "grad": grad})
    return cases + [c for dtype in DTYPES for c in reduction_cases(dtype)]
