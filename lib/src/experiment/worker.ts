/**
 * The worker-thread side of `sweep(..., { workers: 2 })`: it receives one job at a time (a plain-JSON config, a seed
 * and labels), runs it with the same code as a serial sweep, and posts the History rows back.
 */
import { parentPort } from "worker_threads";
import { runJob, type Job } from "./job";

parentPort?.on("message", async (job: Job) => {
  let lastPost = 0;
  const result = await runJob(job, (step) => {
    const now = Date.now();
    if (now - lastPost > 200) {
      lastPost = now;
      parentPort!.postMessage({ type: "progress", id: job.id, step });
    }
  });
  parentPort!.postMessage({ type: "done", id: job.id, ...result });
});
