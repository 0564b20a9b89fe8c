// PyTorch as a row of the bench: finds a python3 with torch, and writes what bench/torch_train.py trains on —
// MNIST as raw float32/int32 files, nn-knobs' initial weights (so all systems start from the same point) and the
// batch order of nn-knobs' DataLoader (seed 0, so all systems see the same batches).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const { makeModel } = require("./workloads");

/** The first of $NN_KNOBS_TORCH_PYTHON, python3, /usr/bin/python3 that imports torch, or null (row skipped). */
function findTorchPython() {
  const candidates = [process.env.NN_KNOBS_TORCH_PYTHON, "python3", "/usr/bin/python3"].filter(Boolean);
  for (const py of candidates) {
    try {
      execFileSync(py, ["-c", "import torch, numpy"], { stdio: "ignore" });
      return py;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Writes the files for one workload's batch size into a fresh temporary directory; returns its path. */
function writeTorchData(nk, data, batchSize) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-knobs-bench-"));
  const write = (name, typed) =>
    fs.writeFileSync(path.join(dir, name), Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength));
  write("train-x.f32", Float32Array.from(data.train.x.data));
  write("train-y.i32", Int32Array.from(data.train.y));
  write("test-x.f32", Float32Array.from(data.test.x.data));
  write("test-y.i32", Int32Array.from(data.test.y));
  const order = [];
  for (const b of new nk.data.DataLoader(data.train, { batchSize, seed: 0 })) order.push(...b.indices);
  write("order.i32", Int32Array.from(order));
  makeModel(nk)
    .parameters()
    .forEach((p, i) => write(`param${i}.f32`, Float32Array.from(p.value.data)));
  return dir;
}

module.exports = { findTorchPython, writeTorchData };
