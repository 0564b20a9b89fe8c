"""Scheduler cases: the lr (and momentum) of each group after construction and after each of ~30 step() calls."""
import torch
from gen_common import options

STEPS = 30

# LambdaLR's functions, by name: the TS test has the same ones.
LAMBDAS = {
    "inverse_time_10": lambda t: 10 / (10 + t),
    "warmup_5_then_0.9": lambda t: (t + 1) / 5 if t < 5 else 0.9 ** (t - 4),
}

SCHEDULERS = [
    ("StepLR", {"step_size": 7}),
    ("StepLR", {"step_size": 5, "gamma": 0.5}),
    ("MultiStepLR", {"milestones": [3, 10, 10, 25], "gamma": 0.3}),
    ("ExponentialLR", {"gamma": 0.9}),
    ("CosineAnnealingLR", {"T_max": 10}),
    ("CosineAnnealingLR", {"T_max": 12, "eta_min": 0.01}),
    ("LambdaLR", {"lr_lambda": "inverse_time_10"}),
    ("LambdaLR", {"lr_lambda": "warmup_5_then_0.9"}),
    ("LinearLR", {}),
    ("LinearLR", {"start_factor": 0.1, "end_factor": 0.5, "total_iters": 12}),
    ("OneCycleLR", {"max_lr": 1.0, "total_steps": STEPS}),
    ("OneCycleLR", {"max_lr": 1.0, "total_steps": STEPS, "anneal_strategy": "linear", "pct_start": 0.25}),
    ("OneCycleLR", {"max_lr": 1.0, "total_steps": STEPS, "three_phase": True}),
    ("OneCycleLR", {"max_lr": 0.5, "epochs": 5, "steps_per_epoch": 6, "div_factor": 10.0, "final_div_factor": 100.0,
                    "base_momentum": 0.8, "max_momentum": 0.9, "pct_start": 0.4}),
]


def schedule(kind, kw, group_lrs, optimizer="SGD"):
    """Runs torch's scheduler on dummy groups; records each group's lr (and momentum or β₁) at t = 0 … STEPS."""
    params = [torch.nn.Parameter(torch.zeros(1, dtype=torch.float64)) for _ in group_lrs]
    groups = [{"params": [p], "lr": lr} for p, lr in zip(params, group_lrs)]
    if optimizer == "SGD":
        opt = torch.optim.SGD(groups, lr=group_lrs[0], momentum=0.9)
    else:
        opt = torch.optim.Adam(groups, lr=group_lrs[0])
    torch_kw = dict(kw, lr_lambda=LAMBDAS[kw["lr_lambda"]]) if "lr_lambda" in kw else kw
    sched = getattr(torch.optim.lr_scheduler, kind)(opt, **torch_kw)

    def momenta():
        return [g["momentum"] if optimizer == "SGD" else g["betas"][0] for g in opt.param_groups]

    lrs, moms = [[g["lr"] for g in opt.param_groups]], [momenta()]
    for _ in range(STEPS):
        opt.step()  # no gradients: a no-op, but torch wants optimizer.step() before scheduler.step()
        sched.step()
        lrs.append([g["lr"] for g in opt.param_groups])
        moms.append(momenta())
    label = ", ".join(f"{k}={v}" for k, v in kw.items())
    return {"name": f"{kind}({label}) {optimizer} lrs={group_lrs}", "scheduler": kind, "options": options(kw),
            "optimizer": optimizer, "groupLrs": group_lrs, "lr": lrs, "momentum": moms}


PLATEAU = [
    # mode, metric sequence, options: improvements smaller than the threshold count as bad epochs.
    ({"patience": 2}, [1.0, 0.9, 0.95, 0.91, 0.92, 0.85, 0.86, 0.87, 0.88, 0.8, 0.8, 0.8, 0.8, 0.8, 0.79]),
    ({"patience": 1, "cooldown": 2, "factor": 0.5}, [5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 4.0, 4.0, 4.0, 4.0]),
    ({"patience": 0, "factor": 0.5, "min_lr": 0.02}, [3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0]),
    ({"mode": "max", "patience": 1, "threshold": 0.1}, [0.5, 0.54, 0.56, 0.6, 0.62, 0.7, 0.75, 0.76, 0.77]),
    ({"mode": "min", "patience": 1, "threshold": 0.05, "threshold_mode": "abs"},
     [1.0, 0.96, 0.94, 0.9, 0.89, 0.88, 0.84, 0.83, 0.82, 0.81]),
    ({"mode": "max", "patience": 1, "threshold": 0.05, "threshold_mode": "abs", "cooldown": 1, "min_lr": 0.005},
     [0.1, 0.12, 0.2, 0.22, 0.24, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]),
    ({"patience": 0, "factor": 0.9, "eps": 0.02}, [1.0, 2.0, 2.0, 2.0, 2.0]),
]


def plateau_cases():
    cases = []
    for kw, metrics in PLATEAU:
        p = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
        opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, **kw)
        lrs = []
        for m in metrics:
            opt.step()
            sched.step(m)
            lrs.append(opt.param_groups[0]["lr"])
        label = ", ".join(f"{k}={v}" for k, v in kw.items())
        cases.append({"name": f"ReduceLROnPlateau({label})", "options": options(kw), "baseLr": 0.1,
                      "metrics": metrics, "lr": lrs})
    return cases


def scheduler_cases():
    cases = [schedule(kind, kw, [0.1]) for kind, kw in SCHEDULERS]
    # Two groups with different lrs (and OneCycle's per-group max_lr), and OneCycle cycling Adam's β₁.
    cases.append(schedule("CosineAnnealingLR", {"T_max": 8, "eta_min": 0.001}, [0.1, 0.03]))
    cases.append(schedule("StepLR", {"step_size": 4, "gamma": 0.5}, [0.1, 0.03]))
    cases.append(schedule("OneCycleLR", {"max_lr": [1.0, 0.2], "total_steps": STEPS}, [0.1, 0.03]))
    cases.append(schedule("OneCycleLR", {"max_lr": 0.01, "total_steps": STEPS}, [0.001], optimizer="Adam"))
    return cases
