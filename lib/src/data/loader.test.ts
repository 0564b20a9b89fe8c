import { describe, expect, test } from "vitest";
import { Tensor } from "../tensor/tensor";
import { augmentFromConfig } from ".";
import { makeDataset } from "./dataset";
import { DataLoader, type DataBatch } from "./loader";

// 10 rows; row i is [i, -i], label i % 2, so a batch's x can be checked against its indices.
const ds = makeDataset({
  x: Tensor.fromRows(Array.from({ length: 10 }, (_, i) => [i, -i])),
  y: Int32Array.from({ length: 10 }, (_, i) => i % 2),
  numClasses: 2,
  name: "ten",
});
/** A batch's contents as plain data (the loader reuses its buffers, so copy before the next batch). */
const snap = (b: DataBatch) => ({
  e: b.epoch,
  k: b.batchIndex,
  idx: Array.from(b.indices),
  x: b.x.toRows(),
  y: Array.from(b.y),
});

describe("DataLoader", () => {
  test("batch counts with and without dropLast; the last batch is short", () => {
    const keep = new DataLoader(ds, { batchSize: 4, sampler: "sequential" });
    const drop = new DataLoader(ds, { batchSize: 4, sampler: "sequential", dropLast: true });
    expect(keep.batchesPerEpoch).toBe(3); // ⌈10 / 4⌉
    expect(drop.batchesPerEpoch).toBe(2); // ⌊10 / 4⌋
    expect([...keep].map((b) => b.x.rows)).toEqual([4, 4, 2]);
    expect(Array.from(drop, (b) => Array.from(b.indices))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(() => new DataLoader(ds, { batchSize: 11, dropLast: true })).toThrow(
      /10 samples, too few for one batch of 11/,
    );
    expect(() => new DataLoader(ds, { batchSize: 0 })).toThrow(
      "batch_size should be a positive integer value, but got batch_size=0",
    );
  });

  test("a batch holds the rows and labels of its indices; one epoch visits every sample once", () => {
    const loader = new DataLoader(ds, { batchSize: 3, seed: 1 });
    const seen: number[] = [];
    for (const b of loader) {
      expect(b.x.toRows()).toEqual(Array.from(b.indices, (i) => [i, -i]));
      expect(Array.from(b.y)).toEqual(Array.from(b.indices, (i) => i % 2));
      seen.push(...b.indices);
    }
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(loader.atEpochEnd()).toBe(true);
    expect([loader.epoch, loader.batchIndex]).toEqual([0, 4]);
    const second = [...loader].map((b) => b.epoch);
    expect(second).toEqual([1, 1, 1, 1]); // the next `for` is the next epoch
  });

  test("buffers are reused: a batch is valid until the next one (so [...loader] shows the last batch's data)", () => {
    const loader = new DataLoader(ds, { batchSize: 5, sampler: "sequential" });
    const first = loader.next();
    const copy = first.x.clone();
    loader.next();
    expect(first.x.toRows()).not.toEqual(copy.toRows());
    const spread = [...new DataLoader(ds, { batchSize: 5, sampler: "sequential" })];
    expect(spread[0].x.toRows()).toEqual([
      [5, -5],
      [6, -6],
      [7, -7],
      [8, -8],
      [9, -9],
    ]); // batch 1's rows: copy in the loop
  });

  test("same seed → same batches; the order depends only on the loader's seed", () => {
    const run = (seed: number) => {
      const l = new DataLoader(ds, { batchSize: 4, seed });
      return Array.from({ length: 9 }, () => snap(l.next()));
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  test("getState/setState mid-epoch resumes exactly like an uninterrupted run (with augmentation)", () => {
    const opts = { batchSize: 3, seed: 9, augment: [{ name: "gaussianNoise", std: 0.5, clip: false }] };
    const whole = new DataLoader(ds, opts);
    const expected = Array.from({ length: 10 }, () => snap(whole.next())); // 2.5 epochs of 4 batches
    const first = new DataLoader(ds, opts);
    for (let k = 0; k < 6; k++) first.next(); // stop inside epoch 1 (after its 2nd batch)
    const saved = JSON.parse(JSON.stringify(first.getState()));
    expect(saved).toMatchObject({
      epoch: 1,
      batchIndex: 2,
      batchSize: 3,
      sampler: { kind: "reshuffle", seed: 9, n: 10 },
    });
    const resumed = new DataLoader(ds, opts);
    resumed.setState(saved);
    const rest = Array.from(resumed, snap); // the remaining batches of epoch 1…
    while (rest.length < 4) rest.push(snap(resumed.next())); // …then epoch 2
    expect(rest).toEqual(expected.slice(6));
  });

  test("state at an epoch's end says so; resuming from it starts the next epoch", () => {
    const a = new DataLoader(ds, { batchSize: 5, seed: 2 });
    for (const _b of a); // read all of epoch 0
    const saved = a.getState();
    expect([saved.epoch, saved.batchIndex]).toEqual([0, 2]);
    const b = new DataLoader(ds, { batchSize: 5, seed: 2 });
    b.setState(saved);
    expect(b.atEpochEnd()).toBe(true);
    expect(Array.from(b, snap)).toEqual(Array.from(a, snap));
  });

  test("setState refuses a state from a different loader", () => {
    const l = new DataLoader(ds, { batchSize: 3, seed: 1 });
    const st = l.getState();
    expect(() => l.setState({ ...st, batchSize: 4 })).toThrow(
      "DataLoader.setState: saved batchSize 4, this loader has 3",
    );
    expect(() => l.setState({ ...st, sampler: { ...st.sampler, seed: 2 } })).toThrow(
      "saved sampler seed 2, this loader has 1",
    );
    expect(() => l.setState({ ...st, batchIndex: 5 })).toThrow(
      "position epoch 0, batch 5 is out of range (batch 0..4)",
    );
    expect(() => l.setState({ ...st, augment: augmentFromConfig({ name: "hflip" }).config })).toThrow(/saved augment/);
  });

  test("augmentation: applied to the batch copy, never to the dataset; depends on (seed, epoch, sample) only", () => {
    const noise = { name: "gaussianNoise", std: 1, clip: false };
    const before = ds.x.toRows();
    const big = new DataLoader(ds, { batchSize: 10, seed: 4, augment: [noise] });
    const small = new DataLoader(ds, { batchSize: 3, seed: 4, sampler: "sequential", augment: [noise] });
    const byIndex = new Map<number, number[]>();
    const b = big.next();
    b.indices.forEach((i, r) => byIndex.set(i, Array.from(b.x.row(r))));
    for (const s of small) s.indices.forEach((i, r) => expect(Array.from(s.x.row(r))).toEqual(byIndex.get(i)));
    expect(ds.x.toRows()).toEqual(before);
    expect(byIndex.get(3)).not.toEqual([3, -3]);
    expect(Array.from(big.next().x.row(0))).not.toEqual(byIndex.get(big.getState().epoch)); // epoch 1 redraws
  });

  test("toString describes the configuration", () => {
    expect(String(new DataLoader(ds, { batchSize: 4, seed: 1 }))).toBe(
      "DataLoader(ten: 10 samples, batchSize=4, 3 batches/epoch, sampler=reshuffle, seed=1, dropLast=false)",
    );
  });
});
