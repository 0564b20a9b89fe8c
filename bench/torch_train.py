# PyTorch CPU side of `npm run bench`: the same protocol as bench/train.js (one process per workload, driven over
# stdin: "epoch" runs one epoch from the same initial weights and prints a JSON line, "done" prints the peak RSS).
# Data, initial weights and the batch order come from bench/torch-data.js (nn-knobs' seeded init and DataLoader),
# so the three systems do the same work. Usage: python3 bench/torch_train.py <dir> W1|W2 <threads>
import json, os, resource, sys, time

import numpy as np
import torch

WORKLOADS = {
    "W1": dict(batch_size=128, optimizer="adam", lr=1e-3),
    "W2": dict(batch_size=32, optimizer="sgd", lr=0.01, momentum=0.9),
}
LAYERS = [784, 256, 256, 10]


def load(d, name, dtype, shape=None):
    a = np.fromfile(os.path.join(d, name), dtype=dtype)
    return torch.from_numpy(a.reshape(shape) if shape else a)


def main():
    d, name, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    w = WORKLOADS[name]
    torch.set_num_threads(threads)
    t0 = time.perf_counter()
    x = load(d, "train-x.f32", np.float32, (-1, 784))
    y = load(d, "train-y.i32", np.int32).long()
    tx = load(d, "test-x.f32", np.float32, (-1, 784))
    ty = load(d, "test-y.i32", np.int32).long()
    order = load(d, "order.i32", np.int32).long()
    init = [load(d, f"param{i}.f32", np.float32) for i in range(6)]
    load_seconds = time.perf_counter() - t0

    def train(steps):
        layers = [torch.nn.Linear(i, o) for i, o in zip(LAYERS, LAYERS[1:])]
        with torch.no_grad():
            for l, (wt, b) in enumerate(zip(init[0::2], init[1::2])):
                layers[l].weight.copy_(wt.view(LAYERS[l + 1], LAYERS[l]))
                layers[l].bias.copy_(b)
        model = torch.nn.Sequential(layers[0], torch.nn.ReLU(), layers[1], torch.nn.ReLU(), layers[2])
        if w["optimizer"] == "adam":
            opt = torch.optim.Adam(model.parameters(), lr=w["lr"])
        else:
            opt = torch.optim.SGD(model.parameters(), lr=w["lr"], momentum=w["momentum"])
        loss_fn = torch.nn.CrossEntropyLoss()
        bs, n = w["batch_size"], 0
        for s in range(0, len(order), bs):
            if s // bs >= steps:
                break
            idx = order[s : s + bs]
            opt.zero_grad()
            loss_fn(model(x[idx]), y[idx]).backward()
            opt.step()
            n += len(idx)
        with torch.no_grad():
            acc = (model(tx).argmax(1) == ty).float().mean().item()
        return n, acc

    def say(o):
        sys.stdout.write(json.dumps(o) + "\n")
        sys.stdout.flush()

    train(20)  # warm-up
    say(dict(ready=True, system="pytorch", workload=name, mnistLoadSeconds=load_seconds,
             backend=f"torch {torch.__version__} cpu, {torch.get_num_threads()} thread(s)"))
    for line in sys.stdin:
        if line.strip() == "done":
            break
        c0, t = time.process_time(), time.perf_counter()
        n, acc = train(float("inf"))
        seconds = time.perf_counter() - t
        say(dict(seconds=seconds, samplesPerSecond=n / seconds, testAccuracy=acc,
                 cpuSeconds=time.process_time() - c0, load=os.getloadavg()[0]))
    say(dict(peakRssMb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


if __name__ == "__main__":
    main()
