export * from "./optimizer";
export * from "./sgd";
export * from "./heavy-ball";
export * from "./adagrad";
export * from "./rmsprop";
export * from "./adam";
