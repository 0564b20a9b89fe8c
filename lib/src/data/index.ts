export * from "./dataset";
export * from "./mnist";
export * from "./synthetic";
export * from "./surfaces";
export * from "./sampler";
export * from "./loader";
export * from "./per-class";
// The augmentations live in a namespace (`augment.rotate(…)`) because names like `scale` and `compose` are taken
// by tensor ops and would be ambiguous at the top level. The types and the config reader are also top-level.
export * as augment from "./augmentations";
export type { Augmentation, AugmentConfig } from "./augment";
export type { AugmentSpec } from "./augment-config";
export { fromConfig as augmentFromConfig } from "./augment-config";
export { augmentGrid } from "./augment-grid";
export { withLabelNoise } from "./label-noise";
export { transformImages, shiftBy, rotateBy, mirror, type PixelOp, type LabelledImages } from "./image-sets";
export { augmentGallery, classGallery, deliveredSample, type GalleryImage } from "./gallery";
