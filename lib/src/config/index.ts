export { editDistance, nearest, didYouMean } from "./suggest";
export {
  checkObject,
  checkKnownKeys,
  fieldProblem,
  withOptions,
  positiveInteger,
  nonNegativeInteger,
  nonNegative,
  type Field,
  type NumberField,
  type Schema,
} from "./fields";
