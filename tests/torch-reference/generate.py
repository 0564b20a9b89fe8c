"""Writes fixtures.json: PyTorch's results on small deterministic cases, for tests/unit/torch-reference.test.ts.

Run on a machine with PyTorch (not in CI):
    apt-get install python3-torch && /usr/bin/python3 tests/torch-reference/generate.py
Every input comes from its own seeded torch.Generator, so the file only changes when the cases or torch change.
"""
import json
import os
import subprocess
import sys

import torch

sys.dont_write_bytecode = True  # no __pycache__ in the repo
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_errors import error_cases  # noqa: E402
from gen_layers import layer_cases  # noqa: E402
from gen_losses import loss_cases  # noqa: E402
from gen_misc import clip_cases, init_cases  # noqa: E402
from gen_optim import optimizer_cases, optimizer_inputs  # noqa: E402
from gen_sched import plateau_cases, scheduler_cases  # noqa: E402


def main():
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    fixtures = {
        "meta": {
            "torch": torch.__version__,
            "generator": "tests/torch-reference/generate.py",
            "note": "Tensors are lists of rows (1-D tensors as one row); float32 values as their shortest exact decimal.",
        },
        "layers": layer_cases(),
        "losses": loss_cases(),
        "optimizerInputs": optimizer_inputs(),
        "optimizers": optimizer_cases(),
        "schedulers": scheduler_cases(),
        "plateau": plateau_cases(),
        "clip": clip_cases(),
        "init": init_cases(),
        "errors": error_cases(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures.json")
    with open(path, "w") as f:
        json.dump(fixtures, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    prettier(path)
    counts = {k: len(v) for k, v in fixtures.items() if isinstance(v, list)}
    print(f"wrote {path} ({os.path.getsize(path) // 1024} KB): {counts}")


def prettier(path):
    """Formats the file as `npm run lint` (prettier --check .) expects, if the repo's node_modules are there."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    cli = os.path.join(root, "node_modules", "prettier", "bin", "prettier.cjs")
    if os.path.exists(cli):
        subprocess.run(["node", cli, "--write", path], cwd=root, check=True, stdout=subprocess.DEVNULL)
    else:
        print("prettier not found: run `npx prettier --write tests/torch-reference/fixtures.json` before committing")


if __name__ == "__main__":
    main()
