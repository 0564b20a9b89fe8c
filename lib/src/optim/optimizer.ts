import { Tensor } from "../tensor";
import type { Parameter, SavedTensor } from "../nn/module";
import { checkKnownKeys } from "../config/fields";
import { UpdateKernels } from "../tensor/kernels/wasm-updates";
import { fastZero } from "../tensor/kernels/wasm-elementwise";

/** Options every optimizer has: the learning rate η (`lr`). */
export interface BaseOptions {
  lr: number;
}

/**
 * A parameter group as the optimizer holds it: its parameters plus every option (defaults filled in).
 * Schedulers read and write `lr` here (OneCycleLR also `momentum` or `betas`); the first scheduler records the
 * starting lr in `initialLr`, like torch's `group["initial_lr"]`.
 */
export type ParamGroup<O> = O & { params: Parameter[]; initialLr?: number };

/** A group as passed to a constructor: parameters plus any per-group overrides of the defaults. */
export type ParamGroupInput<O> = Partial<O> & { params: Parameter[] };

/** Per-parameter state: step counts (numbers) and buffers (tensors shaped like the parameter). */
export type ParamState = Record<string, Tensor | number | undefined>;

/** An optimizer's state as plain JSON, like torch's `optimizer.state_dict()`. Parameters are numbered 0, 1, … across groups. */
export interface OptimizerStateDict {
  state: Record<string, Record<string, number | SavedTensor>>;
  paramGroups: (Record<string, unknown> & { params: number[] })[];
}

/**
 * The base of every optimizer, like `torch.optim.Optimizer`.
 *
 * Holds `paramGroups` (each with its own lr and options) and a per-parameter `state` (a Map keyed by Parameter),
 * allocated on a parameter's first step and then updated in place: no allocation per step after the first.
 * Parameters with `requiresGrad === false` are skipped (torch skips those whose grad is None).
 * A subclass writes `initState(p, group)` and `update(p, group, state)`: the update rule for one parameter.
 *
 * @example
 *   const opt = new SGD([{ params: body }, { params: head, lr: 0.1 }], { lr: 0.01, momentum: 0.9 });
 *   opt.zeroGrad(); loss.backward(); opt.step();
 *   const saved = JSON.stringify(opt.stateDict());
 */
export abstract class Optimizer<O extends BaseOptions, S extends ParamState = ParamState> {
  readonly defaults: Readonly<O>;
  readonly paramGroups: ParamGroup<O>[] = [];
  readonly state = new Map<Parameter, S>();
  private readonly validate: (options: O) => void;
  private kernels?: UpdateKernels | null; // made on the first float32 parameter's state
  private readonly adopted = new WeakSet<Parameter>();

  protected constructor(params: Parameter[] | ParamGroupInput<O>[], defaults: O, validate: (options: O) => void) {
    validate(defaults);
    this.defaults = { ...defaults };
    this.validate = validate;
    if (params.length === 0) throw new Error("optimizer got an empty parameter list");
    const groups: ParamGroupInput<O>[] =
      "params" in params[0]
        ? (params as ParamGroupInput<O>[])
        : [{ params: params as Parameter[] } as ParamGroupInput<O>];
    for (const g of groups) this.addParamGroup(g);
  }

  /** Adds a group (options not given are taken from the defaults), like torch's `add_param_group`. */
  addParamGroup(group: ParamGroupInput<O>): void {
    checkKnownKeys(group, ["params", ...Object.keys(this.defaults)], `${this.constructor.name} parameter group`);
    const full = { ...this.defaults, ...group, params: [...group.params] } as ParamGroup<O>;
    this.validate(full);
    const seen = new Set(this.paramGroups.flatMap((g) => g.params));
    for (const p of full.params) {
      if (seen.has(p)) throw new Error("some parameters appear in more than one parameter group");
      seen.add(p);
    }
    this.paramGroups.push(full);
  }

  /** Sets every gradient to 0 (torch's default sets them to None; ours are preallocated, so we fill with 0). */
  zeroGrad(): void {
    for (const g of this.paramGroups) for (const p of g.params) if (!fastZero(p.grad.data)) p.grad.data.fill(0);
  }

  /** One update of every parameter that requires a gradient, reading `p.grad`. */
  step(): void {
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        if (!p.requiresGrad) continue;
        let s = this.state.get(p);
        if (!s) {
          s = this.initState(p, group);
          this.state.set(p, s);
        }
        this.update(p, group, s);
      }
    }
  }

  /**
   * The fast update loops for a float32 parameter (WebAssembly SIMD, tensor/kernels/wasm-updates.ts), or null: then
   * `update` runs its TypeScript loop, which is the definition (and what float64 parameters always use).
   */
  protected fast(p: Parameter): UpdateKernels | null {
    if (p.value.dtype !== "float32") return null;
    if (!UpdateKernels.enabled()) return null; // NN_KNOBS_NO_WASM_UPDATES=1 or setWasmUpdates(false)
    if (this.kernels === undefined) this.kernels = UpdateKernels.create();
    if (!this.kernels) return null;
    if (!this.adopted.has(p)) {
      // Once per parameter: its value and gradient move into the kernels' memory, so that a step copies nothing.
      // (If another optimizer adopts it later, this one copies it in and out: correct, only slower.)
      this.kernels.adopt(p.value);
      this.kernels.adopt(p.grad);
      this.adopted.add(p);
    }
    return this.kernels;
  }

  /** A zero state buffer shaped like p (resident in the fast loops' memory when they are used). */
  protected zerosLike(p: Parameter): Tensor {
    return this.fast(p)?.zeros(p.value.rows, p.value.cols) ?? Tensor.zeros(p.value.rows, p.value.cols, p.value.dtype);
  }

  /** The fresh state of a parameter, made on its first step. */
  protected abstract initState(p: Parameter, group: ParamGroup<O>): S;
  /** The update rule for one parameter, in place. */
  protected abstract update(p: Parameter, group: ParamGroup<O>, state: S): void;

  private allParams(): Parameter[] {
    return this.paramGroups.flatMap((g) => g.params);
  }

  /** State and group options as plain JSON (parameters by index), like torch's `state_dict()`. */
  stateDict(): OptimizerStateDict {
    const params = this.allParams();
    const state: OptimizerStateDict["state"] = {};
    params.forEach((p, i) => {
      const s = this.state.get(p);
      if (!s) return;
      const out: Record<string, number | SavedTensor> = {};
      for (const [k, v] of Object.entries(s)) {
        if (v instanceof Tensor) out[k] = { shape: [v.rows, v.cols], data: Array.from(v.data) };
        else if (v !== undefined) out[k] = v;
      }
      state[String(i)] = out;
    });
    let next = 0;
    const paramGroups = this.paramGroups.map((g) => {
      const options: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(g)) if (k !== "params") options[k] = Array.isArray(v) ? [...v] : v;
      return { ...options, params: g.params.map(() => next++) };
    });
    return { state, paramGroups };
  }

  /** Restores a `stateDict()`: same groups and sizes; every buffer must have its parameter's shape. */
  loadStateDict(sd: OptimizerStateDict): void {
    if (sd.paramGroups.length !== this.paramGroups.length) {
      throw new Error("loaded state dict has a different number of parameter groups");
    }
    sd.paramGroups.forEach((g, i) => {
      if (g.params.length !== this.paramGroups[i].params.length) {
        throw new Error(
          "loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
        );
      }
    });
    const params = this.allParams();
    const groupOf = new Map<Parameter, ParamGroup<O>>();
    for (const g of this.paramGroups) for (const p of g.params) groupOf.set(p, g);
    const restored = new Map<Parameter, S>();
    for (const [key, saved] of Object.entries(sd.state)) {
      const p = params[Number(key)];
      if (!p)
        throw new Error(`loadStateDict: the state names parameter ${key}, but the optimizer has ${params.length}`);
      const fresh = this.initState(p, groupOf.get(p)!);
      for (const k of Object.keys(fresh)) {
        if (fresh[k] !== undefined && !(k in saved)) {
          throw new Error(`loadStateDict: the state of parameter ${key} has no "${k}" (saved by another optimizer?)`);
        }
      }
      const s: Record<string, Tensor | number> = {};
      for (const [k, v] of Object.entries(saved)) {
        if (typeof v === "number") {
          s[k] = v;
          continue;
        }
        const [rows, cols] = v.shape;
        if (rows !== p.value.rows || cols !== p.value.cols || v.data.length !== p.value.size) {
          throw new Error(
            `loadStateDict: state "${k}" of parameter ${key} has shape [${rows}, ${cols}], ` +
              `the parameter has [${p.value.rows}, ${p.value.cols}]`,
          );
        }
        s[k] = Tensor.fromArray(v.data, rows, cols, p.value.dtype);
      }
      restored.set(p, s as S);
    }
    this.state.clear();
    for (const [p, s] of restored) this.state.set(p, s);
    sd.paramGroups.forEach((saved, i) => {
      const g = this.paramGroups[i] as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(saved)) if (k !== "params") g[k] = Array.isArray(v) ? [...v] : v;
    });
  }
}
