"""Invalid-hyperparameter cases: the message torch raises (the library must use the same words).

Where torch 1.13's message was later changed, `current` holds the text of current torch (main branch's
torch/optim/lr_scheduler.py), which the library follows; README.md lists these.
"""
import torch
from gen_common import options

CASES = [
    ("SGD", {"lr": -0.5}),
    ("SGD", {"lr": 0.1, "momentum": -0.5}),
    ("SGD", {"lr": 0.1, "weight_decay": -0.5}),
    ("SGD", {"lr": 0.1, "nesterov": True}),
    ("SGD", {"lr": 0.1, "momentum": 0.9, "dampening": 0.1, "nesterov": True}),
    ("Adagrad", {"lr": 0.1, "lr_decay": -0.5}),
    ("Adagrad", {"lr": 0.1, "initial_accumulator_value": -0.5}),
    ("Adagrad", {"lr": 0.1, "eps": -0.5}),
    ("RMSprop", {"lr": 0.1, "alpha": -0.5}),
    ("RMSprop", {"lr": 0.1, "momentum": -0.5}),
    ("Adam", {"lr": 0.1, "betas": (1.5, 0.999)}),
    ("Adam", {"lr": 0.1, "betas": (0.9, -0.5)}),
    ("Adam", {"lr": 0.1, "eps": -0.5}),
    ("AdamW", {"lr": 0.1, "weight_decay": -0.5}),
    ("ReduceLROnPlateau", {"factor": 1.0}),
    ("ReduceLROnPlateau", {"mode": "middle"}),
    ("ReduceLROnPlateau", {"threshold_mode": "percent"}),
    ("OneCycleLR", {"max_lr": 1.0}),
    ("OneCycleLR", {"max_lr": 1.0, "total_steps": 0}),
    ("OneCycleLR", {"max_lr": 1.0, "epochs": 0, "steps_per_epoch": 3}),
    ("OneCycleLR", {"max_lr": 1.0, "total_steps": 10, "pct_start": 1.5}),
    ("OneCycleLR", {"max_lr": 1.0, "total_steps": 10, "anneal_strategy": "exp"}),
    ("OneCycleLR", {"max_lr": 1.0, "total_steps": 10, "steps": 11}),  # stepping past the end
    ("OneCycleLR", {"max_lr": 1.0, "total_steps": 10, "optimizer": "Adagrad"}),  # nothing to cycle
    ("LinearLR", {"start_factor": 1.5}),
    ("LinearLR", {"end_factor": -0.5}),
    ("Adadelta", {"rho": 1.5}),
    ("Adadelta", {"lr": 1.0, "eps": -0.5}),
    ("Adadelta", {"lr": 1.0, "weight_decay": -0.5}),
]

# torch 1.13 → current torch (the library follows current torch)
CURRENT = {
    "anneal_strategy must by one of 'cos' or 'linear', instead got exp":
        "anneal_strategy must be one of 'cos' or 'linear', instead got exp",
    "Tried to step 12 times. The specified number of total steps is 10":
        "Tried to step 11 times. The specified number of total steps is 10",
    "optimizer must support momentum with `cycle_momentum` option enabled":
        "optimizer must support momentum or beta1 with `cycle_momentum` option enabled",
    "Starting multiplicative factor expected to be between 0 and 1.":
        "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.",
}


def torch_message(target, kw):
    kw = dict(kw)
    steps = kw.pop("steps", 0)
    opt_kind = kw.pop("optimizer", "SGD")
    p = torch.nn.Parameter(torch.zeros(1))
    try:
        if hasattr(torch.optim, target):
            getattr(torch.optim, target)([p], **kw)
        else:
            opt = torch.optim.SGD([p], lr=0.1, momentum=0.9) if opt_kind == "SGD" else torch.optim.Adagrad([p], lr=0.1)
            sched = getattr(torch.optim.lr_scheduler, target)(opt, **kw)
            for _ in range(steps):
                opt.step()
                sched.step()
    except ValueError as e:
        return str(e)
    raise AssertionError(f"torch accepted {target}({kw})")


def error_cases():
    cases = []
    for target, kw in CASES:
        message = torch_message(target, kw)
        case = {"target": target, "options": options(kw), "torch": message, "expected": CURRENT.get(message, message)}
        cases.append(case)
    return cases
