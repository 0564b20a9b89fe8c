import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import type { Job, JobResult } from "./job";
import { loopEnvironment } from "./environment";

/** The compiled worker script (workers cannot load TypeScript, so tests running from source use lib/dist). */
function workerScript(): string {
  const here = __filename.endsWith(".ts") ? path.resolve(__dirname, "../../dist/experiment") : __dirname;
  const file = path.join(here, "worker.js");
  if (!fs.existsSync(file)) throw new Error(`sweep: ${file} is missing; build the library first (npm run build)`);
  return file;
}

/**
 * Runs jobs on `n` worker threads, handing each worker the next job when it finishes one. Resolves when all are
 * done; on a kernel interrupt it terminates the workers and rethrows "stopped by user".
 */
export async function runInWorkers(
  jobs: Job[],
  n: number,
  onDone: (id: number, r: JobResult) => void,
  onProgress: (id: number, step: number) => void,
): Promise<void> {
  const script = workerScript();
  const queue = [...jobs];
  let remaining = jobs.length;
  let failure: Error | undefined;
  const workers: Worker[] = [];
  const feed = (w: Worker) => {
    const job = queue.shift();
    if (job) w.postMessage(job);
  };
  for (let i = 0; i < n; i++) {
    const w = new Worker(script);
    w.on("message", (m: { type: string; id: number; step?: number } & JobResult) => {
      if (m.type === "progress") onProgress(m.id, m.step!);
      else {
        remaining--;
        onDone(m.id, { rows: m.rows, diverged: m.diverged, error: m.error });
        feed(w);
      }
    });
    w.on("error", (e) => (failure = e));
    workers.push(w);
    feed(w);
  }
  try {
    while (remaining > 0 && !failure) {
      await new Promise((r) => setTimeout(r, 20));
      await loopEnvironment().pause("error.history (the finished runs)");
    }
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
