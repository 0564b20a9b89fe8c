export * from "./tensor";
export * from "./matmul";
export * from "./ops";
export * from "./scratch";
export * from "./columns";
