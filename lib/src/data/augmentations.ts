/**
 * Everything about augmentation, gathered for the `augment` namespace of the package:
 *   import { augment } from "nn-knobs";
 *   const aug = augment.compose(augment.rotate({ maxDegrees: 10 }), augment.translate({ maxShift: 2 }));
 */
export * from "./augment";
export * from "./augment-config";
export * from "./augment-grid";
export { affineImage, flipImage, shiftImage } from "./image-ops";
