import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "lib/src/**/*.test.ts",
            "tests/unit/**/*.test.ts",
            "tests/exercises/**/*.test.ts",
            "slides/src/**/*.test.ts",
          ],
          // Some tests train small models or load MNIST: generous on a shared 2-core machine (speed is checked by
          // the benchmark, never by a test's timeout).
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "kernel",
          include: ["tests/kernel/**/*.test.ts"],
          // kernel-setup first: .venv, the nn-knobs-tslab kernelspec and lib/dist must exist.
          globalSetup: ["tests/kernel/global-setup.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
