/**
 * Hyperparameter checks shared by the optimizers, with torch.optim's exact messages
 * (e.g. `SGD(params, lr=-1)` raises "Invalid learning rate: -1"). NaN is rejected too (torch lets it through).
 */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

export function checkLr(lr: number): void {
  check(lr >= 0, `Invalid learning rate: ${lr}`);
}

export function checkMomentum(momentum: number): void {
  check(momentum >= 0, `Invalid momentum value: ${momentum}`);
}

export function checkWeightDecay(weightDecay: number): void {
  check(weightDecay >= 0, `Invalid weight_decay value: ${weightDecay}`);
}

export function checkEps(eps: number): void {
  check(eps >= 0, `Invalid epsilon value: ${eps}`);
}

export function checkBetas(betas: readonly [number, number]): void {
  for (let i = 0; i < 2; i++) check(betas[i] >= 0 && betas[i] < 1, `Invalid beta parameter at index ${i}: ${betas[i]}`);
}

export function checkLrDecay(lrDecay: number): void {
  check(lrDecay >= 0, `Invalid lr_decay value: ${lrDecay}`);
}

export function checkInitialAccumulator(value: number): void {
  check(value >= 0, `Invalid initial_accumulator_value value: ${value}`);
}

export function checkAlpha(alpha: number): void {
  check(alpha >= 0, `Invalid alpha value: ${alpha}`);
}

export function checkRho(rho: number): void {
  check(rho >= 0 && rho <= 1, `Invalid rho value: ${rho}`);
}
