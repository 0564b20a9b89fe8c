/** Exercise checks, one file per notebook: each takes the student's answer and throws `ExerciseFailed` if wrong. */
export * from "./01-sgd-sample-order";
export * from "./03-initialization";
