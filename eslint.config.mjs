import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The library's layers (lib/src): rng, tensor ← nn ← optim ← experiment; data uses tensor and rng; rows (the History
// row format) and config (option schemas, "did you mean") use nothing; stats and plot (which draws stats' comparisons) build on rows and never import nn/optim; only jupyter/ touches tslab.
// A folder may import only the folders listed for it (relative imports; "nn-knobs" itself is never imported).
const LAYERS = [
  "rng",
  "config",
  "tensor",
  "gradcheck",
  "nn",
  "optim",
  "data",
  "rows",
  "experiment",
  "plot",
  "stats",
  "jupyter",
  "exercise",
  "exercises",
];
const allowed = {
  rng: [],
  rows: [],
  config: [],
  tensor: ["rng"],
  gradcheck: ["tensor"],
  nn: ["rng", "tensor", "gradcheck", "config"],
  optim: ["rng", "tensor", "nn", "config"],
  data: ["rng", "tensor", "config"],
  experiment: ["rng", "tensor", "nn", "optim", "data", "rows", "config"],
  plot: ["rows", "stats", "config"],
  stats: ["rows", "experiment", "config"],
};
const layerRules = Object.entries(allowed).map(([layer, ok]) => {
  const banned = LAYERS.filter((l) => l !== layer && !ok.includes(l));
  const files = ["rng", "gradcheck"].includes(layer) ? [`lib/src/${layer}.ts`] : [`lib/src/${layer}/**/*.ts`];
  return {
    files,
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "tslab", message: "Only lib/src/jupyter touches tslab." }],
          patterns: [
            {
              regex: `^(\\.\\./)+(${banned.join("|")})(/|\\.ts$|$)`,
              message: `lib/src/${layer} may import only ${ok.length ? ok.join(", ") : "nothing else of the library"} (the layering in eslint.config.mjs).`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "lib/dist/**",
      ".venv/**",
      "build/**",
      "bench/results/**",
      "**/*.wasm",
      "slides/dist/**",
      "slides/.cache/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        Buffer: "readonly",
        setImmediate: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        performance: "readonly",
        WebAssembly: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Use a seeded Rng (lib/src/rng.ts)." },
      ],
    },
  },
  ...layerRules,
);
