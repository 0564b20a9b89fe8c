import { describe, expect, it } from "vitest";
import { freeze, replaceLastLayer, trainableParameters, unfreeze } from "./finetune";
import { mlp, Linear, ReLU, Sequential } from "../nn";
import { SGD } from "../optim";
import { Rng } from "../rng";
import { Tensor } from "../tensor";

describe("fine-tuning helpers", () => {
  it("freezes the body, trains only a new head", () => {
    const model = mlp({ sizes: [4, 8, 3] }, 0);
    freeze(model);
    const old = replaceLastLayer(model, { outFeatures: 5, rng: new Rng(1) }) as Linear;
    expect(old.weight.shape).toEqual([3, 8]);
    const head = model.layers[model.layers.length - 1] as Linear;
    expect(head.weight.shape).toEqual([5, 8]);
    expect(trainableParameters(model)).toEqual([head.weight, head.bias]);
    expect(Object.keys(model.stateDict())).toEqual(["0.weight", "0.bias", "2.weight", "2.bias"]);

    const body = (model.layers[0] as Linear).weight.value.clone();
    const headBefore = head.weight.value.clone();
    const opt = new SGD(model.parameters(), { lr: 0.5 });
    const x = Tensor.fromRows([[1, 2, 3, 4]]);
    model.forward(x);
    model.backward(Tensor.fromRows([[1, 1, 1, 1, 1]]));
    opt.step();
    expect((model.layers[0] as Linear).weight.value.data).toEqual(body.data); // frozen: unchanged
    expect(head.weight.value.data).not.toEqual(headBefore.data); // trained
    unfreeze(model);
    expect(trainableParameters(model)).toHaveLength(4);
  });

  it("explains a model without a Linear layer", () => {
    expect(() => replaceLastLayer(new Sequential(new ReLU()), { outFeatures: 1, rng: new Rng(0) })).toThrow(
      /no Linear layer/,
    );
  });
});
