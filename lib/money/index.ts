export * from "./decimal";
export * from "./pricing";
export * from "./format";
